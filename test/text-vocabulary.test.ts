import { describe, expect, it } from 'vitest';
import { detectLocale } from '../src/commands/locale.js';
import { parseCommand } from '../src/commands/parse.js';
import { parseReminderSpec } from '../src/time/reminder-schedule.js';
import { parseRosterCsv } from '../src/roster/parse-roster-csv.js';
import { classifyComplaint } from '../src/text/ticket-categories.js';
import { buildingInText } from '../src/tickets/place.js';
import { foldText, hasTraditional } from '../src/text/fold-text.js';
import { chineseNumeral, parseChineseNumber, parseIntOrChinese } from '../src/text/numerals.js';
import { BUILDING_WORDS, BUILDING_WORDS_BEFORE_ROOM, ROOM_WORDS, UNIT_WORDS } from '../src/text/room-words.js';
import { ALSO_SIMPLIFIED, TRAD_TO_SIMP } from '../src/text/traditional-chars.js';

describe('traditional → simplified folding (from OpenCC)', () => {
  // What residents in Taiwan and Hong Kong write, next to the simplified complaint it means.
  const complaints: [traditional: string, simplified: string][] = [
    ['樓上漏水滴到廚房', '楼上漏水滴到厨房'],
    ['樓下積水好幾天了', '楼下积水好几天了'],
    ['有人飛線充電', '有人飞线充电'],
    ['樓道雜物堆滿了', '楼道杂物堆满了'],
    ['垃圾沒人清', '垃圾没人清'],
    ['路燈壞了', '路灯坏了'],
    ['車輛佔用消防通道', '车辆占用消防通道'],
    // These were 'other' with the 188-character hand table.
    ['電動車進樓充電', '电动车进楼充电'],
    ['監控壞了', '监控坏了'],
    ['樹枝擋住窗戶', '树枝挡住窗户'],
    ['殭屍車佔車位', '僵尸车占车位'],
    ['攝像頭壞了', '摄像头坏了'],
    ['樓上裝修聲音很大', '楼上装修声音很大'],
    ['電錶箱壞了', '电表箱坏了'],
  ];
  it.each(complaints)('%s classifies as %s does', (traditional, simplified) => {
    const expected = classifyComplaint(simplified);
    expect(expected).not.toBe('other');
    expect(classifyComplaint(traditional)).toBe(expected);
  });

  it('keeps every index: each code unit folds to exactly one', () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join('');
    expect(foldText(all).length).toBe(all.length);
    for (const [trad, simp] of TRAD_TO_SIMP) {
      expect(trad.length).toBe(1);
      expect(simp.length).toBe(1);
    }
  });

  it('folds what the parser and the ledger match on', () => {
    expect(foldText('繳費 號樓 單元 確認 轉帳 參拾 週一 裡')).toBe('缴费 号楼 单元 确认 转账 叁拾 周一 里');
    expect(foldText('ＡＢＣ１２３－？')).toBe('abc123-?');
    expect(foldText('什么 么')).toBe('什么 么'); // Taiwan's variant 么 (for 幺) is simplified text's 么
  });

  it('parses traditional commands as their simplified forms', () => {
    expect(parseCommand('已繳參拾元')).toEqual(parseCommand('已缴叁拾元'));
    expect(parseCommand('繫結 8號樓2單元301')).toMatchObject({ intent: 'bind', room: '8-2-301' });
    expect(parseCommand('檢視工單 T7')).toMatchObject({ intent: 'tickets', ref: 'T7' });
    expect(parseCommand('設定提醒 每天 18:00 倒垃圾')).toMatchObject({ intent: 'remind', text: '每天 18:00 倒垃圾' });
  });

  it('answers simplified writers in simplified even when they use a character OpenCC folds', () => {
    expect(detectLocale('乾隆年间的老房子漏水')).toBe('zh-Hans');
    expect(detectLocale('著名的於姓人家')).toBe('zh-Hans');
    expect(detectLocale('以後再交')).toBe('zh-Hant');
    expect(detectLocale('樓道燈壞了')).toBe('zh-Hant');
  });

  it('lists as also-simplified exactly the folded characters of GB2312, but 後', () => {
    const gbk = new TextDecoder('gbk');
    const gb2312 = new Set<string>();
    // Rows B0–F7 hold the 6763 hanzi; D7FA–D7FE are empty in GB2312.
    for (let a = 0xb0; a <= 0xf7; a++) for (let b = 0xa1; b <= 0xfe; b++) if (a !== 0xd7 || b <= 0xf9) gb2312.add(gbk.decode(new Uint8Array([a, b])));
    const derived = [...TRAD_TO_SIMP.keys()].filter((c) => gb2312.has(c) && c !== '後');
    expect(new Set(derived)).toEqual(new Set(ALSO_SIMPLIFIED));
    for (const c of ALSO_SIMPLIFIED) expect(hasTraditional(c)).toBe(false);
  });
});

describe('numerals', () => {
  it.each([
    ['六十', 60], ['一百二十', 120], ['两百五', 250], ['一万二', 12000], ['三零一', 301], ['壹佰贰拾', 120],
    ['陆拾', 60], ['〇', 0], ['十二', 12], ['一百零五', 105],
  ])('%s = %d', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it('says numbers the way a zone is named', () => {
    expect([3, 12, 21, 105, 110].map(chineseNumeral)).toEqual(['三', '十二', '二十一', '一百零五', '一百一十']);
    expect(parseIntOrChinese('０８'.normalize('NFKC'))).toBe(8);
  });
});

describe('one room vocabulary for the parser, the roster and the ticket place', () => {
  const buildingWords = [...BUILDING_WORDS, ...BUILDING_WORDS_BEFORE_ROOM];
  it.each(buildingWords)('8%s2单元301 is one household everywhere', (word) => {
    expect(parseCommand(`绑定 8${word}2单元301`)).toMatchObject({ intent: 'bind', room: '8-2-301' });
    const roster = parseRosterCsv(`building,unit,room\n8${word},2${UNIT_WORDS[0]},301${ROOM_WORDS[0]}\n`);
    expect(roster.rows.map((r) => r.roomCode)).toEqual(['8-2-301']);
  });

  it.each(BUILDING_WORDS)('a complaint about 八%s is about building 8', (word) => {
    expect(buildingInText(`八${word}楼道堆满杂物`)).toBe('8');
  });

  it('does not read 8号 or 8楼 alone as a building (a date, a floor)', () => {
    expect(buildingInText('8号那天楼道堆满杂物')).toBeNull();
    expect(parseCommand('绑定 8楼301')).toMatchObject({ intent: 'bind', error: 'room_invalid' });
  });

  it('reads Chinese numerals in reminders through the same vocabulary', () => {
    const now = new Date('2026-03-02T00:00:00Z');
    const parsed = parseReminderSpec('每月十五日 下午三点半 交卫生费', now, 'Asia/Shanghai');
    expect(parsed).toEqual({ ok: true, schedule: { kind: 'monthly', day: 15, hour: 15, minute: 30 }, message: '交卫生费' });
  });
});
