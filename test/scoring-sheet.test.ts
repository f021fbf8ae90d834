import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUserId } from '../src/adapters/console/identity.js';
import { parseScoringArgs } from '../src/cli/scoring-args.js';
import { runScoringCommand } from '../src/cli/scoring-command.js';
import { DEFAULT_RULES } from '../src/scoring/rules.js';
import { setRules } from '../src/scoring/rules-repository.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

// The month's score sheet as an .xlsx: written for a panelist, filled in Excel, read back.
describe('红"栋"力: the .xlsx score sheet of a panelist', () => {
  let p: Pipeline;
  const lines: string[] = [];
  const cli = (...args: string[]) => runScoringCommand(args, p.t.db, (l) => lines.push(l), p.clock.now());
  const dir = path.join(os.tmpdir(), `linli-xlsx-${process.pid}`);
  const file = (name: string) => path.join(dir, name);
  const as = (name: string) => ['--panelist', `console:${consoleUserId(name)}`];
  const dm = (name: string, text: string) => p.deliver({ ...p.message(name, text), isPrivate: true, chatId: consoleUserId(name) });
  const scores = () => p.t.db.selectFrom('scoring_scores').select(['unit_id', 'criterion', 'points', 'source']).orderBy('unit_id').orderBy('criterion').execute();
  const audits = () => p.t.db.selectFrom('audit_log').select('id').where('action', '=', 'scoring.sheet').execute();
  const open = async (f: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    return wb;
  };

  beforeAll(async () => {
    await fs.mkdir(dir, { recursive: true });
    p = await startPipeline('scoring_sheet', 'postgres', { now: new Date('2026-11-10T02:00:00Z') });
    const estate = await p.t.db.selectFrom('estates').selectAll().executeTakeFirstOrThrow();
    await p.t.db.transaction().execute((tx) => setRules(tx, estate, { ...DEFAULT_RULES, buildings: ['8'] }, null, new Date('2026-10-15T02:00:00Z')));
    for (const [code, name, party] of [['SHEETQ1', '评委社区', 'community'], ['SHEETQ2', '评委物业', 'property']] as const) {
      await p.t.db.insertInto('invitations').values({ code, estate_id: estate.id, kind: 'role', role: 'panelist', zone_id: null, building_id: null, party, created_at: p.clock.now(), expires_at: new Date('2026-12-31T00:00:00Z') }).execute();
      await dm(name, `邀请码 ${code}`);
    }
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    await p.close();
  });

  it('writes units × criteria with the maximum, the panelist’s points so far, and the month’s evidence beside its unit', async () => {
    await dm('评委社区', '评分 8-1 卫生18 志愿9');
    expect((await p.say('向大叔', '投诉 8栋2单元楼道有人飞线充电'))[0]).toMatch(/已收到工单 T\d+/);
    expect(await cli('sheet', 'juxinyuan', '2026-11', file('mine.xlsx'), ...as('评委社区'))).toBe(0);
    expect(lines.at(-1)).toMatch(/mine\.xlsx: \d+ units × 5 criteria for 2026-11$/);
    const wb = await open(file('mine.xlsx'));
    const ws = wb.getWorksheet('评分')!;
    expect(ws.getRow(1).values).toEqual([undefined, '单元', '矛盾纠纷(20)', '文明新风(20)', '家教家风(20)', '环境卫生(20)', '志愿服务(20)', '证据（仅供参考，不用填）']);
    expect(ws.getRow(2).values).toEqual([undefined, '8-1', undefined, undefined, undefined, 18, 9]);
    expect(ws.getCell('A3').value).toBe('8-2');
    expect(String(ws.getCell('G3').value)).toMatch(/^E\d+ 工单T\d+ 建议一票否决（飞线充电） 待处理$/);
    expect(ws.getCell('E2').dataValidation).toMatchObject({ type: 'whole', formulae: [0, 20] });
    const notes = wb.getWorksheet('说明')!.getColumn(1).values.join('\n');
    expect(notes).toContain('聚心苑 红“栋”力 2026年11月评分表（评委：社区），11月25日截止。');
    expect(notes).toContain('一票否决（当月不参评）：飞线充电。');
    // Another panelist's sheet carries none of 评委社区's points.
    expect(await cli('sheet', 'juxinyuan', '2026-11', file('theirs.xlsx'), ...as('评委物业'))).toBe(0);
    expect((await open(file('theirs.xlsx'))).getWorksheet('评分')!.getCell('E2').value).toBeNull();
  });

  it('takes a filled sheet back once: the summary to check, and the same file again changes nothing', async () => {
    const wb = await open(file('mine.xlsx'));
    const ws = wb.getWorksheet('评分')!;
    ws.getRow(2).getCell(2).value = 18;
    ws.getRow(2).getCell(3).value = '17'; // typed as text
    ws.getRow(2).getCell(4).value = { formula: '8*2', result: 16 };
    ws.getRow(3).getCell(2).value = 20;
    await wb.xlsx.writeFile(file('filled.xlsx'));
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file('filled.xlsx'), ...as('评委社区'))).toBe(0);
    expect(lines.slice(-4, -1)).toEqual([
      `${file('filled.xlsx')}: 6 scores for 2 units recorded for 2026-11`,
      '  8-1  矛盾纠纷18 文明新风17 家教家风16 环境卫生18 志愿服务9  = 78',
      '  8-2  矛盾纠纷20 文明新风– 家教家风– 环境卫生– 志愿服务–',
    ]);
    expect(lines.at(-1)).toMatch(/^still to score: 8-2(, 8-\d)*$/);
    const after = await scores();
    expect(after.filter((s) => s.source === 'sheet')).toHaveLength(6);
    const audited = (await audits()).length;

    // The same file again (a second run of the command, or the file sent twice): once.
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file('filled.xlsx'), ...as('评委社区'))).toBe(0);
    expect(lines.at(-1)).toMatch(/filled\.xlsx was already imported \(.+\); nothing changed$/);
    expect(await audits()).toHaveLength(audited);
    expect(await scores()).toEqual(after);
    // A change in the chat since: the same file is taken again and sets the sheet's points back.
    await dm('评委社区', '评分 8-1 卫生10');
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file('filled.xlsx'), ...as('评委社区'))).toBe(0);
    expect(await scores()).toEqual(after);
    expect(await audits()).toHaveLength(audited + 1);
  });

  it('refuses a sheet with bad cells as a whole, naming each by line and column', async () => {
    const wb = await open(file('mine.xlsx'));
    const ws = wb.getWorksheet('评分')!;
    ws.getCell('B2').value = 25;
    ws.getCell('C2').value = '很好';
    ws.getCell('D3').value = 12.5;
    ws.getCell('E3').value = 7;
    ws.addRow(['9-1', 10]);
    ws.addRow(['8-1', 10]);
    await wb.xlsx.writeFile(file('bad.xlsx'));
    const before = await scores();
    const n = ws.rowCount;
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file('bad.xlsx'), ...as('评委社区'))).toBe(1);
    expect(lines.slice(-5)).toEqual([
      `${file('bad.xlsx')} was not imported; nothing changed:`,
      '  line 2, column B (矛盾纠纷, 8-1): 25 is more than the maximum 20',
      '  line 2, column C (文明新风, 8-1): "很好" is not a whole number of points',
      '  line 3, column D (家教家风, 8-2): "12.5" is not a whole number of points',
      `  line ${n}, column A: 8-1 is already on line 2`,
    ]);
    expect(await scores()).toEqual(before);
    // A unit outside the month's scope, once the cells are right.
    const fix = await open(file('bad.xlsx'));
    const fs2 = fix.getWorksheet('评分')!;
    fs2.getCell('B2').value = 20;
    fs2.getCell('C2').value = 20;
    fs2.getCell('D3').value = 12;
    fs2.spliceRows(n, 1);
    await fix.xlsx.writeFile(file('scope.xlsx'));
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file('scope.xlsx'), ...as('评委社区'))).toBe(1);
    expect(lines.at(-1)).toBe(`  line ${n - 1}, column A: 9-1 is not a unit scored in 2026-11`);
    expect(await scores()).toEqual(before);
  });

  it('holds a sheet to the rules of chat scoring: panelists only, this month only, until it closes', async () => {
    const before = await scores();
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file('filled.xlsx'), ...as('周阿姨'))).toBe(2);
    expect(lines.at(-1)).toMatch(new RegExp(`^console:${consoleUserId('周阿姨')} is not a panelist of juxinyuan\n`));
    expect(await cli('import-sheet', 'juxinyuan', '2026-10', file('filled.xlsx'), ...as('评委物业'))).toBe(1);
    expect(lines.at(-1)).toBe('scoring for 2026-10 is not open: panelists score the current month until its close day');
    await fs.writeFile(file('not.xlsx'), 'hello');
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file('not.xlsx'), ...as('评委物业'))).toBe(1);
    expect(lines.at(-1)).toBe(`${file('not.xlsx')}: not a readable .xlsx workbook`);
    p.clock.set(new Date('2026-11-26T02:00:00Z'));
    expect(await cli('import-sheet', 'juxinyuan', '2026-11', file('filled.xlsx'), ...as('评委物业'))).toBe(1);
    expect(lines.at(-1)).toBe('scoring for 2026-11 is not open: panelists score the current month until its close day');
    expect(await scores()).toEqual(before);
  });
});

describe('linli scoring: the command line of the sheet and the archive', () => {
  const refused = (...args: string[]) => {
    const r = parseScoringArgs(args);
    return r.ok ? 'accepted' : r.text.split('\n')[0];
  };
  it('checks what it is given before opening the database', () => {
    expect(refused('import-sheet', 'juxinyuan', '2026-11', 'a.xlsx')).toBe('give --panelist platform:user-id');
    expect(refused('import-sheet', 'juxinyuan', '2026-11', 'a.xlsx', '--panelist', 'wxid')).toBe('give --panelist platform:user-id');
    expect(refused('sheet', 'juxinyuan', '2026-13', 'a.xlsx')).toBe('the month is YYYY-MM, not "2026-13"');
    expect(refused('sheet', 'juxinyuan', '2026-11', 'a.pdf')).toBe('the sheet is a .xlsx or .csv file, not "a.pdf"');
    expect(refused('export', '--estate', 'juxinyuan', '2026.xlsx')).toBe('give --year YYYY');
    expect(refused('export', '--year', '2026', '2026.xlsx')).toBe('give --estate <code>');
    expect(refused('export', '--estate', 'juxinyuan', '--year', '2026', '2026.csv')).toBe('the archive is a .xlsx file, not "2026.csv"');
    // The old name of import-sheet still works.
    expect(parseScoringArgs(['upload', 'juxinyuan', '2026-11', 'a.csv', '--panelist', 'wechat:wxid_1'])).toEqual({
      ok: true, request: { sub: 'import-sheet', estate: 'juxinyuan', month: '2026-11', file: 'a.csv', panelist: { platform: 'wechat', userId: 'wxid_1' } },
    });
  });
});
