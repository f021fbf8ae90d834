import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runImportCommand } from '../src/cli/import-command.js';
import { cliLocale } from '../src/cli/cli-locale.js';
import { translator } from '../src/i18n/translator.js';
import { clearDatabase, initTestDb, type TestDb } from './support/db.js';

// A roster as admins really have it: a title row above the header, one combined 房号 column,
// floor area in m² and owner/tenant, saved as Chinese Excel's CSV (GBK), UTF-8 with BOM,
// UTF-16 and .xlsx. Every form must import the same households.

let t: TestDb;
let tmp: string;
beforeAll(async () => {
  t = await initTestDb('roster_formats');
  tmp = await mkdtemp(path.join(tmpdir(), 'linli-roster-formats-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await t.destroy();
});
beforeEach(() => clearDatabase(t.db));

const ROWS = [
  ['聚心苑小区住户花名册（2026年）'],
  ['', '', '', '制表：社区居委会'],
  ['序号', '房号', '姓名', '联系电话', '面积(㎡)', '业主/租户', '片区'],
  ['1', '8栋2单元301', '王秀英', '13812345678', '85.5', '业主', '3'],
  ['2', '8栋2单元302', '李建国', '138-1234-56', '90', '租户', '3'],
  ['3', '8-2-303', '张桂兰', '', '', '', '3'],
  ['4', '12号楼1单元502室', '刘德华', '13912345678', '120.25', '业主', '第四片区'],
  ['1', '8栋2单元301', '王秀英', '13812345678', '85.5', '业主', '3'],
];

/** GBK bytes of a text, by inverting the platform's GB18030 decoder over the two-byte range. */
function gbk(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) map.set(dec.decode(new Uint8Array([a, b])), [a, b]);
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...map.get(ch)!);
  }
  return Buffer.from(bytes);
}

const csv = ROWS.map((r) => r.join(',')).join('\r\n') + '\r\n';

async function xlsx(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  for (const r of ROWS) ws.addRow(r.map((c, i) => (i === 4 && c !== '' && r[0] !== '序号' ? Number(c) : c)));
  await wb.xlsx.writeFile(file);
}

async function households(code: string) {
  return t.db
    .selectFrom('households as h')
    .innerJoin('estates as e', 'e.id', 'h.estate_id')
    .innerJoin('buildings as b', 'b.id', 'h.building_id')
    .leftJoin('zones as z', 'z.id', 'b.zone_id')
    .select(['h.room_code', 'h.resident_name', 'h.phone', 'h.floor_area', 'h.resident_relation', 'z.code as zone'])
    .where('e.code', '=', code)
    .orderBy('h.room_code')
    .execute();
}

async function run(args: string[], lang = 'en_US.UTF-8', maxBytes?: number) {
  const lines: string[] = [];
  const code = await runImportCommand(args, t.db, (l) => lines.push(l), { t: translator(cliLocale({ LANG: lang })), ...(maxBytes ? { maxBytes } : {}) });
  return { code, lines };
}

describe('linli import reads rosters as admins have them', () => {
  it('a GBK CSV, a UTF-8-BOM CSV, a UTF-16 CSV and an .xlsx with a title row and a combined 房号 import the same households', async () => {
    const files = {
      gbk: [path.join(tmp, 'gbk.csv'), gbk(csv)],
      bom: [path.join(tmp, 'bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')])],
      utf16: [path.join(tmp, 'utf16.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])],
    } as const;
    for (const [file, bytes] of Object.values(files)) await writeFile(file, bytes);
    const xlsxFile = path.join(tmp, 'roster.xlsx');
    await xlsx(xlsxFile);

    const results: Record<string, unknown> = {};
    for (const [code, file] of [['gbk', files.gbk[0]], ['bom', files.bom[0]], ['utf16', files.utf16[0]], ['xlsx', xlsxFile]]) {
      await t.db.insertInto('estates').values({ code, name: code }).execute();
      const r = await run([file, '--estate', code]);
      expect(r, code).toEqual({
        code: 0,
        lines: [
          `estate ${code}: 4 added, 0 updated, 1 unchanged, 0 refused, 1 warnings`,
          'line 5 (warning): phone is not a phone number; the household is imported without it',
        ],
      });
      results[code] = await households(code);
    }
    expect(results.gbk).toEqual([
      { room_code: '12-1-502', resident_name: '刘德华', phone: '13912345678', floor_area: 12025, resident_relation: 'owner', zone: '4' },
      { room_code: '8-2-301', resident_name: '王秀英', phone: '13812345678', floor_area: 8550, resident_relation: 'owner', zone: '3' },
      { room_code: '8-2-302', resident_name: '李建国', phone: null, floor_area: 9000, resident_relation: 'tenant', zone: '3' },
      { room_code: '8-2-303', resident_name: '张桂兰', phone: null, floor_area: null, resident_relation: null, zone: '3' },
    ]);
    expect(results.bom).toEqual(results.gbk);
    expect(results.utf16).toEqual(results.gbk);
    expect(results.xlsx).toEqual(results.gbk);

    // Again: nothing changes.
    expect((await run([xlsxFile, '--estate', 'gbk'])).lines[0]).toBe('estate gbk: 0 added, 0 updated, 5 unchanged, 0 refused, 1 warnings');
  });

  it('answers in Chinese when the admin’s locale is Chinese, naming lines and what exists', async () => {
    const file = path.join(tmp, 'zh.csv');
    await writeFile(file, gbk('房号,姓名\n8栋2单元301,王秀英\n九栋,李四\n'));
    await t.db.insertInto('estates').values([{ code: 'a', name: 'a' }, { code: 'b', name: 'b' }]).execute();
    expect(await run([file], 'zh_CN.UTF-8')).toEqual({ code: 1, lines: ['有多个小区（a, b），请用 --estate <代码> 指定'] });
    expect(await run([file, '--estate', 'c'], 'zh_CN.UTF-8')).toEqual({ code: 1, lines: ['没有代码为 c 的小区（现有：a, b）'] });
    expect(await run([file, '--estate', 'a'], 'zh_CN.UTF-8')).toEqual({
      code: 1,
      lines: ['小区 a：新增 1 户，更新 0 户，未变 0 户，拒绝 1 行，提醒 0 行', '第 3 行：房号看不懂（应如 8栋2单元301 或 8-2-301）'],
    });
  });

  it('refuses a file over the cap in one line naming the setting, before reading it whole', async () => {
    const file = path.join(tmp, 'big.csv');
    await writeFile(file, '楼栋,单元,房号\n' + '8,2,301\n'.repeat(200_000));
    await t.db.insertInto('estates').values({ code: 'a', name: 'a' }).execute();
    expect(await run([file, '--estate', 'a'], 'en_US.UTF-8', 2 ** 20)).toEqual({
      code: 1,
      lines: [`${file} is too big: the limit is 1 MB (setting LINLI_IMPORT_MAX_MB)`],
    });
    expect(await households('a')).toEqual([]);
  });
});
