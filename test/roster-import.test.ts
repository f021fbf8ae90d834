import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runImportCommand } from '../src/cli/import-command.js';
import { importRoster } from '../src/roster/import-roster.js';
import { parseCsv } from '../src/books/parse-csv.js';
import { renderReason, type RowIssue } from '../src/books/row-reason.js';
import { translator } from '../src/i18n/translator.js';
import { normalizePhone, parseRosterCsv } from '../src/roster/parse-roster-csv.js';
import { clearDatabase, initTestDb, type TestDb } from './support/db.js';

const en = translator('en');
const reasons = (issues: RowIssue[]) => issues.map((e) => ({ line: e.line, reason: renderReason(en, e.reason) }));

let t: TestDb;
let tmp: string;
beforeAll(async () => {
  t = await initTestDb('roster_import');
  tmp = await mkdtemp(path.join(tmpdir(), 'linli-roster-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await t.destroy();
});

async function newEstate(code = 'e1'): Promise<number> {
  const e = await t.db.insertInto('estates').values({ code, name: code }).returning('id').executeTakeFirstOrThrow();
  return e.id;
}

async function households(estateId: number) {
  return t.db
    .selectFrom('households')
    .innerJoin('buildings', 'buildings.id', 'households.building_id')
    .leftJoin('units', 'units.id', 'households.unit_id')
    .leftJoin('zones', 'zones.id', 'buildings.zone_id')
    .select(['room_code', 'room', 'buildings.code as building', 'units.code as unit', 'zones.code as zone', 'resident_name', 'phone'])
    .where('households.estate_id', '=', estateId)
    .orderBy('room_code')
    .execute();
}

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, quoted newlines, CRLF, BOM and records their lines', () => {
    const recs = parseCsv('\uFEFFa,"b,c","say ""hi"""\r\n\r\n"multi\r\nline",x\r\nlast,row');
    expect(recs).toEqual([
      { line: 1, cells: ['a', 'b,c', 'say "hi"'] },
      { line: 2, cells: [''] },
      { line: 3, cells: ['multi\r\nline', 'x'] },
      { line: 5, cells: ['last', 'row'] },
    ]);
  });
});

describe('parseRosterCsv', () => {
  it('reads an English header in any order', () => {
    const r = parseRosterCsv('phone,room,unit,building,name,zone\n13812345678,301,2,8,张三,3\n');
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, building: '8', unit: '2', room: '301', roomCode: '8-2-301', zone: { code: '3', name: '第三片区' }, name: '张三', phone: '13812345678', area: null, relation: null },
    ]);
  });

  it('reads Chinese headers (simplified and traditional, with variants)', () => {
    for (const header of ['楼栋,单元,房号,片区,姓名,电话', '栋,单元,室,网格,姓名,手机', '樓棟,單元,房號,網格,姓名,電話', '姓名,手机号,房号,单元,楼栋,片区']) {
      const cols = header.split(',');
      const values: Record<string, string> = {};
      const byField = ['8', '2', '301', '3', '张三', '13812345678'];
      const canonical = ['楼栋,栋,樓棟', '单元,單元', '房号,室,房號', '片区,网格,網格', '姓名', '电话,手机,電話,手机号'];
      canonical.forEach((names, i) => {
        for (const n of names.split(',')) values[n] = byField[i];
      });
      const row = cols.map((c) => values[c]).join(',');
      const r = parseRosterCsv(`${header}\n${row}`);
      expect(r.errors, header).toEqual([]);
      expect(r.rows.map((x) => [x.roomCode, x.zone?.code, x.name, x.phone]), header).toEqual([['8-2-301', '3', '张三', '13812345678']]);
    }
  });

  it('reads rows without a header positionally', () => {
    const r = parseRosterCsv('8,2,301\n8,,302,3,李四,13912345678\n');
    expect(r.rows.map((x) => [x.line, x.roomCode, x.zone?.code ?? null, x.name, x.phone])).toEqual([
      [1, '8-2-301', null, null, null],
      [2, '8-302', '3', '李四', '13912345678'],
    ]);
  });

  it('normalises full-width digits, 8栋 style values, leading zeros and phones', () => {
    const r = parseRosterCsv('楼栋,单元,房号,片区,电话\n８栋,２单元,０３０１,第三片区,+86 139-1234-5678\n十二号楼,二,502室,东区,0731-58812345\n');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.roomCode, x.room, x.zone, x.phone])).toEqual([
      ['8-2-301', '301', { code: '3', name: '第三片区' }, '13912345678'],
      ['12-2-502', '502', { code: '东区', name: '东区' }, '0731-58812345'],
    ]);
    expect(normalizePhone('138 1234 5678')).toBe('13812345678');
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('张三')).toBeNull();
  });

  it('reports bad rows by line without quoting personal data, and keeps the good ones', () => {
    const csv = [
      'building,unit,room,zone,name,phone', // 1
      '8,2,301,3,张三,13812345678', // 2
      ',2,302,3,李四,13812345679', // 3 no building
      '8,2,,3,王五,13812345670', // 4 no room
      '', // 5 blank
      'A,2,303,3,赵六,13812345671', // 6 not a number
      '8,2,304,3,钱七,12345', // 7 bad phone: imported without it, with a warning
      '1200,1,101,,,', // 8 absurd building
      '8,2,3a1,,,', // 9 non-numeric room
      '8,2,301,,,', // 10 same room, other values
      '8,2,99999,,,', // 11 absurd room
      '8,200,101,,,', // 12 absurd unit
      '"9","1","101","3","孙八","13912345678"', // 13 fine
      '8,2,301,3,张三,13812345678', // 14 exact repeat of line 2: unchanged, not refused
    ].join('\n');
    const r = parseRosterCsv(csv);
    expect(r.rows.map((x) => [x.line, x.roomCode, x.phone])).toEqual([[2, '8-2-301', '13812345678'], [7, '8-2-304', null], [13, '9-1-101', '13912345678']]);
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 6, 8, 9, 10, 11, 12]);
    expect(r.duplicates).toBe(1);
    expect(reasons(r.warnings)).toEqual([{ line: 7, reason: 'phone is not a phone number; the household is imported without it' }]);
    expect(reasons(r.errors)[5].reason).toBe('room 8-2-301 repeats line 2 with other values');
    for (const e of reasons([...r.errors, ...r.warnings])) expect(e.reason).not.toMatch(/张|李|王|赵|钱|1381|12345\b/);
  });

  it('refuses a header without building or room', () => {
    const r = parseRosterCsv('姓名,电话\n张三,13812345678\n');
    expect(r.rows).toEqual([]);
    expect(reasons(r.errors)).toEqual([{ line: 1, reason: 'the header has no 房号 / room column' }]);
  });
});

describe('importRoster', () => {
  beforeEach(() => clearDatabase(t.db));

  it('creates zones, buildings and units, and upserts households', async () => {
    const estateId = await newEstate();
    const r = await importRoster(t.db, estateId, '楼栋,单元,房号,片区,姓名,电话\n8,2,301,3,张三,13812345678\n8,2,302,3,李四,\n10,,101,4,,\n');
    expect(r).toEqual({ added: 3, updated: 0, unchanged: 0, errors: [], warnings: [] });
    expect(await households(estateId)).toEqual([
      { room_code: '10-101', room: '101', building: '10', unit: null, zone: '4', resident_name: null, phone: null },
      { room_code: '8-2-301', room: '301', building: '8', unit: '2', zone: '3', resident_name: '张三', phone: '13812345678' },
      { room_code: '8-2-302', room: '302', building: '8', unit: '2', zone: '3', resident_name: '李四', phone: null },
    ]);
    const zones = await t.db.selectFrom('zones').select(['code', 'name']).orderBy('code').execute();
    expect(zones).toEqual([{ code: '3', name: '第三片区' }, { code: '4', name: '第四片区' }]);
  });

  it('changes nothing on re-import; a changed phone counts as updated; blanks keep stored values', async () => {
    const estateId = await newEstate();
    const sample = await readFile(new URL('../demo/roster-sample.csv', import.meta.url), 'utf8');
    const first = await importRoster(t.db, estateId, sample);
    expect(first.errors).toEqual([]);
    expect(first.added).toBeGreaterThanOrEqual(10);
    const snapshot = await households(estateId);

    const again = await importRoster(t.db, estateId, sample);
    expect(again).toEqual({ added: 0, updated: 0, unchanged: first.added, errors: [], warnings: [] });
    expect(await households(estateId)).toEqual(snapshot);

    const changed = sample.replace('13812345601', '13812340000');
    expect(changed).not.toBe(sample);
    expect(await importRoster(t.db, estateId, changed)).toEqual({ added: 0, updated: 1, unchanged: first.added - 1, errors: [], warnings: [] });
    expect((await households(estateId)).find((h) => h.room_code === '1-1-101')?.phone).toBe('13812340000');

    // A roster of rooms only (no name/phone columns) leaves names and phones alone.
    const roomsOnly = await importRoster(t.db, estateId, '楼栋,单元,房号\n1,1,101\n1,1,102\n1,1,103\n');
    expect(roomsOnly).toEqual({ added: 1, updated: 0, unchanged: 2, errors: [], warnings: [] });
    expect((await households(estateId)).find((h) => h.room_code === '1-1-101')).toMatchObject({ resident_name: '张桂兰', phone: '13812340000' });
  });

  it('imports the good rows and reports the bad ones', async () => {
    const estateId = await newEstate();
    const csv = 'building,unit,room,zone\n8,2,301,3\n8,2,x,3\n\n8,2,302,4\n9,1,101,3\n';
    const r = await importRoster(t.db, estateId, csv);
    expect(r.added).toBe(2);
    expect(reasons(r.errors)).toEqual([
      { line: 3, reason: 'room is not a number' },
      { line: 5, reason: 'building 8 is in another zone on line 2' },
    ]);
    expect((await households(estateId)).map((h) => h.room_code)).toEqual(['8-2-301', '9-1-101']);
  });

  it('keeps estates apart', async () => {
    const a = await newEstate('a');
    const b = await newEstate('b');
    await importRoster(t.db, a, '8,2,301\n');
    expect(await importRoster(t.db, b, '8,2,301\n')).toMatchObject({ added: 1 });
    expect(await households(a)).toHaveLength(1);
    expect(await households(b)).toHaveLength(1);
  });

  it('imports 10,000 rows, and again unchanged', async () => {
    const estateId = await newEstate();
    const lines = ['片区,楼栋,单元,房号,姓名,电话'];
    for (let i = 0; i < 10_000; i++) {
      const building = 1 + Math.floor(i / 200);
      const unit = 1 + Math.floor((i % 200) / 40);
      const room = (1 + Math.floor((i % 40) / 4)) * 100 + (i % 4) + 1;
      lines.push(`${1 + Math.floor(building / 8)},${building},${unit},${room},住户${i},139${String(i).padStart(8, '0')}`);
    }
    const csv = lines.join('\r\n');
    const r = await importRoster(t.db, estateId, csv);
    expect(r).toEqual({ added: 10_000, updated: 0, unchanged: 0, errors: [], warnings: [] });
    expect(await importRoster(t.db, estateId, csv)).toEqual({ added: 0, updated: 0, unchanged: 10_000, errors: [], warnings: [] });
  });
});

describe('runImportCommand', () => {
  beforeEach(() => clearDatabase(t.db));

  async function run(args: string[]): Promise<{ code: number; lines: string[] }> {
    const lines: string[] = [];
    const code = await runImportCommand(args, t.db, (l) => lines.push(l));
    return { code, lines };
  }

  it('creates a default estate when there is none, and prints no personal data', async () => {
    const file = path.join(tmp, 'roster.csv');
    await writeFile(file, '楼栋,单元,房号,姓名,电话\n8,2,301,张三,13812345678\n8,2,302,李四,13812345\n');
    const { code, lines } = await run([file]);
    expect(code).toBe(0);
    expect(lines).toEqual([
      'no estate yet: created estate default (小区, Asia/Shanghai)',
      'estate default: 2 added, 0 updated, 0 unchanged, 0 refused, 1 warnings',
      'line 3 (warning): phone is not a phone number; the household is imported without it',
    ]);
    expect(lines.join('\n')).not.toMatch(/张三|李四|1381234/);
    const estates = await t.db.selectFrom('estates').select(['code', 'name', 'time_zone']).execute();
    expect(estates).toEqual([{ code: 'default', name: '小区', time_zone: 'Asia/Shanghai' }]);

    const again = await run([file]);
    expect(again.lines[0]).toBe('estate default: 0 added, 0 updated, 2 unchanged, 0 refused, 1 warnings');
  });

  it('uses the only estate, or --estate, and refuses to guess among several', async () => {
    const file = path.join(tmp, 'ok.csv');
    await writeFile(file, '8,2,301\n');
    await newEstate('juxinyuan');
    expect(await run([file])).toEqual({ code: 0, lines: ['estate juxinyuan: 1 added, 0 updated, 0 unchanged, 0 refused, 0 warnings'] });
    await newEstate('other');
    expect(await run([file])).toEqual({ code: 1, lines: ['several estates (juxinyuan, other); choose one with --estate <code>'] });
    expect(await run([file, '--estate', 'other'])).toEqual({ code: 0, lines: ['estate other: 1 added, 0 updated, 0 unchanged, 0 refused, 0 warnings'] });
    expect(await run(['--estate=juxinyuan', file])).toEqual({ code: 0, lines: ['estate juxinyuan: 0 added, 0 updated, 1 unchanged, 0 refused, 0 warnings'] });
    expect((await run([file, '--estate', 'nope'])).code).toBe(1);
  });

  it('explains bad usage and unreadable files', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--estate'])).code).toBe(2);
    const missing = await run([path.join(tmp, 'missing.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.lines[0]).toMatch(/cannot read .*missing\.csv: ENOENT/);
  });
});
