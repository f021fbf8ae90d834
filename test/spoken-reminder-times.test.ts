import { describe, expect, it } from 'vitest';
import { parseReminderSpec } from '../src/time/reminder-schedule.js';

// Wednesday 2 December 2026, 12:00 in Shanghai.
const NOW = new Date('2026-12-02T04:00:00Z');
const TZ = 'Asia/Shanghai';
const at = (text: string) => {
  const r = parseReminderSpec(text, NOW, TZ);
  if (!r.ok) return r.error;
  const s = r.schedule;
  const time = `${String(s.hour).padStart(2, '0')}:${String(s.minute).padStart(2, '0')}`;
  if (s.kind === 'once') return `${s.month}-${s.day} ${time} ${r.message}`;
  if (s.kind === 'weekly') return `weekly ${s.dow} ${time} ${r.message}`;
  return `${s.kind} ${time} ${r.message}`;
};

describe('reminder times as people say them', () => {
  it.each([
    ['今晚8点 开会', '12-2 20:00 开会'],
    ['明早8点 收垃圾', '12-3 08:00 收垃圾'],
    ['明天八点零五分 交材料', '12-3 08:05 交材料'],
    ['周五下午5点 开会', '12-4 17:00 开会'],
    ['周三 10:00 已过的今天算下周', '12-9 10:00 已过的今天算下周'],
    ['周三 13:00 今天还来得及', '12-2 13:00 今天还来得及'],
    ['下周三 14:00 开会', '12-9 14:00 开会'],
    ['星期日上午9点 体检', '12-6 09:00 体检'],
    ['每週一 8:00 開會', 'weekly 1 08:00 開會'],
    ['下午3點半 交材料', '12-2 15:30 交材料'],
    ['上午9点 交材料', '12-3 09:00 交材料'],
    ['明天下午3點半 开会', '12-3 15:30 开会'],
    ['tomorrow 18:00 meeting', '12-3 18:00 meeting'],
    ['tomorrow 6pm call the plumber', '12-3 18:00 call the plumber'],
    ['every Monday 8:00 bins out', 'weekly 1 08:00 bins out'],
    ['next wednesday 14:00 council', '12-9 14:00 council'],
    ['friday at 9:30am jab', '12-4 09:30 jab'],
  ])('%s → %s', (text, expected) => {
    expect(at(text)).toBe(expected);
  });

  it('still refuses what is not a time', () => {
    expect(at('随便 说说')).toBe('time_unclear');
    expect(at('明天 开会')).toBe('time_unclear');
    expect(at('今晚8点')).toBe('text_missing');
  });
});
