import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTableFile, type Sheet } from '../src/books/read-table.js';
import { runExportCommand } from '../src/cli/export-command.js';
import { runImportCommand } from '../src/cli/import-command.js';
import { runImportPaymentsCommand } from '../src/cli/import-payments-command.js';
import { manualClock } from '../src/clock.js';
import { DEMO_ESTATE_CODE, seedDemoEstate } from '../src/demo/seed-demo-estate.js';
import { initTestDb, type TestDb } from './support/db.js';

// The treasurer's 台账 out and back in: the demo estate (900+ households, two years of
// collections) plus corrections, claims and a credit is exported, imported into an empty
// estate with the same roster and plan, and exported again: the two files must agree.

const NOW = new Date('2026-05-20T12:00:00Z');
const clock = manualClock(NOW);
let t: TestDb;
let tmp: string;
let demoId: number;

beforeAll(async () => {
  t = await initTestDb('ledger_books');
  tmp = await mkdtemp(path.join(tmpdir(), 'linli-books-'));
  demoId = (await seedDemoEstate(t.db, new Date('2026-05-01T04:00:00Z'))).estateId;
  await addCorrectionsAndClaims();
}, 120_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await t.destroy();
});

async function addCorrectionsAndClaims() {
  const plan = await t.db.selectFrom('fee_plans').select('id').where('estate_id', '=', demoId).executeTakeFirstOrThrow();
  const [a, b] = await t.db.selectFrom('payments').selectAll().where('estate_id', '=', demoId).orderBy('id').limit(2).execute();
  const hh = await t.db.selectFrom('households').select('id').where('estate_id', '=', demoId).orderBy('id').limit(3).execute();
  const at = (iso: string) => new Date(iso);
  const base = { estate_id: demoId, fee_plan_id: plan.id, method: null, member_id: null, source_key: null };
  const voidA = await t.db.insertInto('payments').values({ ...base, household_id: a.household_id, kind: 'correction', amount_fen: -a.amount_fen, months: -a.months, corrects_id: a.id, stands_fen: 0, stands_months: 0, note: '记错了', created_at: at('2026-04-02T11:00:00.250Z') }).returning('id').executeTakeFirstOrThrow();
  // A correction of the correction: the void is undone.
  await t.db.insertInto('payments').values({ ...base, household_id: a.household_id, kind: 'correction', amount_fen: a.amount_fen, months: a.months, corrects_id: voidA.id, stands_fen: a.amount_fen, stands_months: a.months, note: '冲错了', created_at: at('2026-04-03T11:00:00Z') }).execute();
  await t.db.insertInto('payments').values({ ...base, household_id: b.household_id, kind: 'correction', amount_fen: 500 - b.amount_fen, months: 1 - b.months, corrects_id: b.id, stands_fen: 500, stands_months: 1, note: '更正 5', created_at: at('2026-04-04T11:00:00Z') }).execute();
  const claims = await t.db
    .insertInto('payments')
    .values([
      { ...base, household_id: hh[0].id, kind: 'claim', amount_fen: 3000, months: 6, corrects_id: null, method: '微信', created_at: at('2026-05-02T01:00:00Z') },
      { ...base, household_id: hh[1].id, kind: 'claim', amount_fen: 6000, months: 12, corrects_id: null, created_at: at('2026-05-03T01:00:00Z') },
      { ...base, household_id: hh[2].id, kind: 'claim', amount_fen: 500, months: 1, corrects_id: null, created_at: at('2026-05-04T01:00:00Z') },
      { ...base, household_id: hh[2].id, kind: 'credit', amount_fen: 1200, months: 0, corrects_id: null, note: '红旗补贴', created_at: at('2026-05-05T01:00:00Z') },
    ])
    .returning('id')
    .execute();
  await t.db
    .insertInto('payment_decisions')
    .values([
      { payment_id: claims[0].id, decision: 'confirmed', decided_by: null, reason: null, decided_at: at('2026-05-02T09:30:00Z') },
      { payment_id: claims[1].id, decision: 'rejected', decided_by: null, reason: '金额不符', decided_at: at('2026-05-03T09:30:00Z') },
    ])
    .execute();
}

async function sheetsOf(file: string): Promise<Sheet[]> {
  const r = await readTableFile(file, 2 ** 30);
  if (!r.ok) throw new Error(r.reason);
  return r.sheets;
}

/** Ledger rows with refs replaced by their position: P-refs differ between estates, the order does not. */
function byPosition(rows: string[][]): string[][] {
  const [header, ...data] = rows;
  const pos = new Map(data.map((r, i) => [r[0], `#${i + 1}`]));
  return [header, ...data.map((r) => r.map((c, j) => (j === 0 || j === 12 ? (pos.get(c) ?? c) : c)))];
}

const cells = (s: Sheet) => s.records.map((r) => r.cells);

async function run(fn: (out: (l: string) => void) => Promise<number>) {
  const lines: string[] = [];
  const code = await fn((l) => lines.push(l));
  return { code, lines };
}

describe('the 台账 out and back in', () => {
  it('export → import-payments into an empty estate reproduces the ledger exactly, and a re-import changes nothing', async () => {
    const original = path.join(tmp, 'juxinyuan.xlsx');
    const e1 = await run((out) => runExportCommand(['ledger', '--estate', DEMO_ESTATE_CODE, original], t.db, out, clock));
    expect(e1.code).toBe(0);
    const households = await t.db.selectFrom('households').select('room_code').where('estate_id', '=', demoId).execute();
    const ledgerSize = (await t.db.selectFrom('payments').select((eb) => eb.fn.countAll<string>().as('n')).where('estate_id', '=', demoId).executeTakeFirstOrThrow()).n;
    expect(households.length).toBeGreaterThan(900);
    expect(Number(ledgerSize)).toBeGreaterThan(900);
    expect(e1.lines).toEqual([`exported the ledger of estate ${DEMO_ESTATE_CODE} to ${original}: ${households.length} households, ${ledgerSize} ledger rows`]);

    // An empty estate with the same plan, and the roster read back from the grid sheet (combined 房号).
    const copy = await t.db.insertInto('estates').values({ code: 'copy', name: '副本' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('fee_plans').values({ estate_id: copy.id, name: '卫生费', amount_fen: 500, start_month: '2024-05' }).execute();
    expect((await run((out) => runImportCommand([original, '--estate', 'copy'], t.db, out))).code).toBe(0);

    const imported = await run((out) => runImportPaymentsCommand([original, '--estate', 'copy'], t.db, out));
    expect(imported).toEqual({ code: 0, lines: [`estate copy: ${ledgerSize} payments imported, 0 already there, 0 refused`] });

    const again = path.join(tmp, 'copy.xlsx');
    expect((await run((out) => runExportCommand(['ledger', '--estate', 'copy', again], t.db, out, clock))).code).toBe(0);
    const [gridA, rowsA] = await sheetsOf(original);
    const [gridB, rowsB] = await sheetsOf(again);
    expect(gridA.name).toBe('台账');
    expect(cells(gridB)).toEqual(cells(gridA));
    expect(byPosition(cells(rowsB))).toEqual(byPosition(cells(rowsA)));
    // The grid tells paid from unpaid months, and the corrections are on the second sheet.
    expect(cells(gridA)[0].slice(0, 5)).toEqual(['房号', '片区', '姓名', '收费项目', '2024-05']);
    expect(cells(rowsA).filter((r) => r[4] === '冲正')).toHaveLength(3);

    const twice = await run((out) => runImportPaymentsCommand([original, '--estate', 'copy'], t.db, out));
    expect(twice).toEqual({ code: 0, lines: [`estate copy: 0 payments imported, ${ledgerSize} already there, 0 refused`] });
  }, 240_000);

  it('an Excel 台账 as kept by hand: a bad row is reported by its line and the rest is booked, once', async () => {
    const e = await t.db.insertInto('estates').values({ code: 'hand', name: '手账' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('fee_plans').values({ estate_id: e.id, name: '卫生费', amount_fen: 500, start_month: '2025-01' }).execute();
    const roster = path.join(tmp, 'hand-roster.csv');
    await writeFile(roster, '房号\n8栋2单元301\n8栋2单元302\n');
    await run((out) => runImportCommand([roster, '--estate', 'hand'], t.db, out));
    const file = path.join(tmp, 'hand.csv');
    await writeFile(
      file,
      [
        '幸福里卫生费台账（2025年）',
        '房号,收费项目,金额,缴费日期,缴费期间,方式,收费人',
        '8栋2单元301,卫生费,60,2025-01-08,2025-01至2025-12,现金,刘雅玲',
        '8-2-302,,30,2025/3/9,,微信,刘雅玲',
        '8-2-302,,30,2025/3/9,,微信,刘雅玲',
        '9栋1单元101,,60,2025-01-08,,现金,刘雅玲',
        '8-2-301,物业费,60,2025-01-08,,现金,刘雅玲',
        '8-2-301,,60,2025-13-08,,现金,刘雅玲',
        '8-2-301,,60,2025-02-08,2025-01至2025-06,现金,刘雅玲',
      ].join('\n'),
    );
    const r = await run((out) => runImportPaymentsCommand([file, '--estate', 'hand'], t.db, out));
    expect(r).toEqual({
      code: 1,
      lines: [
        'estate hand: 3 payments imported, 0 already there, 4 refused',
        'line 6: no room 9-1-101 in the estate',
        'line 7: no fee plan "物业费" (plans are 卫生费)',
        'line 8: date paid is not a date (like 2026-03-05)',
        'line 9: amount and months disagree',
      ],
    });
    // Two identical rows are two payments; a re-import books neither again.
    const again = await run((out) => runImportPaymentsCommand([file, '--estate', 'hand'], t.db, out));
    expect(again.lines[0]).toBe('estate hand: 0 payments imported, 3 already there, 4 refused');
    const booked = await t.db.selectFrom('payments').select(['months', 'collector', 'method']).where('estate_id', '=', e.id).orderBy('id').execute();
    expect(booked).toEqual([
      { months: 12, collector: '刘雅玲', method: '现金' },
      { months: 6, collector: '刘雅玲', method: '微信' },
      { months: 6, collector: '刘雅玲', method: '微信' },
    ]);
  });

  it('prices a per-m² plan at each household\'s area, and refuses rows the plan cannot price', async () => {
    const e = await t.db.insertInto('estates').values({ code: 'area', name: '面积苑' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('fee_plans').values({ estate_id: e.id, name: '卫生费', amount_fen: 500, start_month: '2025-01' }).execute();
    const roster = path.join(tmp, 'area-roster.csv');
    await writeFile(roster, '房号,面积\n8-2-301,86.35\n8-2-302,\n9-1-101,90\n');
    await run((out) => runImportCommand([roster, '--estate', 'area'], t.db, out));
    const b8 = await t.db.selectFrom('buildings').select('id').where('estate_id', '=', e.id).where('code', '=', '8').executeTakeFirstOrThrow();
    const plan = await t.db.insertInto('fee_plans').values({ estate_id: e.id, name: '物业费', amount_fen: 120, start_month: '2025-01', basis: 'area' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('fee_plan_buildings').values({ fee_plan_id: plan.id, building_id: b8.id }).execute();
    const file = path.join(tmp, 'area.csv');
    // 1.20元/m² on 86.35 m² is 103.62元 a month: 207.24 is two months.
    await writeFile(file, ['房号,收费项目,金额,缴费日期', '8-2-301,物业费,207.24,2025-02-01', '8-2-301,物业费,1.20,2025-02-01', '8-2-302,物业费,100,2025-02-01', '9-1-101,物业费,108,2025-02-01'].join('\n'));
    const r = await run((out) => runImportPaymentsCommand([file, '--estate', 'area'], t.db, out));
    expect(r.lines).toEqual([
      'estate area: 1 payments imported, 0 already there, 3 refused',
      'line 3: amount is not whole months of the fee, and no months are given',
      'line 4: 8-2-302 has no floor area on file, so the per-m² fee "物业费" cannot be priced (set it with linli estates area)',
      'line 5: "物业费" is not charged to 9-1-101 (the plan does not cover its building)',
    ]);
    expect(await t.db.selectFrom('payments').select(['amount_fen', 'months']).where('estate_id', '=', e.id).execute()).toEqual([{ amount_fen: 20724, months: 2 }]);
  });

  it('names what exists when the zone or estate is wrong, and refuses a history over the cap', async () => {
    const file = path.join(tmp, 'x.xlsx');
    expect(await run((out) => runExportCommand(['ledger', '--estate', DEMO_ESTATE_CODE, '--zone', '9', file], t.db, out, clock))).toEqual({
      code: 1,
      lines: ['no zone 9 (zones are 1–7)'],
    });
    expect((await run((out) => runExportCommand(['ledger', '--estate', 'nope', file], t.db, out, clock))).lines[0]).toMatch(/^no estate with code nope \(estates: .*juxinyuan/);
    expect((await run((out) => runExportCommand(['ledger', '--estate', 'x', '--from', '2026-13', file], t.db, out, clock))).code).toBe(2);
    const big = path.join(tmp, 'big.csv');
    await writeFile(big, '房号,金额,缴费日期\n' + '8-2-301,60,2025-01-08\n'.repeat(60_000));
    expect(await run((out) => runImportPaymentsCommand([big, '--estate', 'hand'], t.db, out, { maxBytes: 2 ** 20 }))).toEqual({
      code: 1,
      lines: [`${big} is too big: the limit is 1 MB (setting LINLI_IMPORT_MAX_MB)`],
    });
  });
});
