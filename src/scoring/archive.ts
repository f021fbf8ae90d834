import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { maskPersonalData } from '../privacy/mask.js';
import { formatCenti } from './centi.js';
import type { ScoringRules } from './rules.js';

/** One worksheet of the archive: a name, its header and rows (no names or phones: panelists by id and party). */
export interface ArchiveSheet {
  name: string;
  header: string[];
  rows: (string | number | boolean | Date | null)[][];
}

const STATUS: Record<string, string> = { scored: '参评', vetoed: '一票否决', unscored: '未参评' };
const DECISION: Record<string, string> = { confirmed: '确认', dismissed: '驳回' };
const PROPOSAL: Record<string, string> = { veto: '一票否决', deduction: '扣分', exempt: '不扣分（免扣）' };
const APPEAL: Record<string, string> = { open: '待复核', upheld: '维持', changed: '改判' };

const centi = (n: number | null) => (n === null ? null : Number(formatCenti(n)));

/**
 * A year of 红"栋"力 in one estate, as worksheets: every published version of every month's
 * results, the panelists' scores, the evidence and the panel's decisions, bonuses, appeals, the
 * year's credits (with their reversals) and the rules each month was scored by.
 */
export async function scoringArchive(db: Kysely<Database>, estateId: number, year: number): Promise<ArchiveSheet[]> {
  const rounds = await db.selectFrom('scoring_rounds').selectAll().where('estate_id', '=', estateId).where('month', 'like', `${year}-%`).orderBy('month').execute();
  const ids = rounds.length ? rounds.map((r) => r.id) : [-1];
  const month = new Map(rounds.map((r) => [r.id, r.month]));
  const rulesOf = new Map<number, ScoringRules>(rounds.map((r) => [r.id, r.rules]));
  const unitRows = await db.selectFrom('units as u').innerJoin('buildings as b', 'b.id', 'u.building_id').select(['u.id', 'u.code as unit', 'b.code as building']).where('b.estate_id', '=', estateId).execute();
  const unit = new Map(unitRows.map((u) => [u.id, `${u.building}-${u.unit}`]));
  const criterionName = (roundId: number, key: string) => rulesOf.get(roundId)?.criteria.find((c) => c.key === key)?.name ?? key;

  const pubs = await db.selectFrom('scoring_publications').selectAll().where('round_id', 'in', ids).orderBy('round_id').orderBy('version').execute();
  const results = await db.selectFrom('scoring_results').selectAll().where('round_id', 'in', ids).execute();
  const resultRows: ArchiveSheet['rows'] = [];
  for (const p of pubs) {
    const mine = results.filter((r) => r.round_id === p.round_id && r.version === p.version).sort((a, b) => (a.rank ?? 9999) - (b.rank ?? 9999) || (unit.get(a.unit_id) ?? '').localeCompare(unit.get(b.unit_id) ?? '', 'en', { numeric: true }));
    for (const r of mine) {
      const d = r.detail;
      const means = Object.entries(d.byCriterion ?? {}).map(([k, v]) => `${criterionName(p.round_id, k)}${formatCenti(v)}`).join(' ');
      resultRows.push([month.get(p.round_id)!, p.version, p.created_at, p.appeal_id === null ? null : `A${p.appeal_id}`, unit.get(r.unit_id) ?? String(r.unit_id), STATUS[r.status], centi(r.total_centi), r.rank, r.flag ? '🚩' : null, means, centi(d.base ?? null), centi(d.deduction ?? null), centi(d.bonus ?? null), d.cards ?? null, d.counted ?? null, (d.vetoes ?? []).join('、') || null]);
    }
  }

  const scores = await db
    .selectFrom('scoring_scores as s')
    .leftJoin('scoring_rounds as r', 'r.id', 's.round_id')
    .leftJoin('roles as ro', (j) => j.onRef('ro.member_id', '=', 's.panelist_id').onRef('ro.estate_id', '=', 'r.estate_id').on('ro.role', '=', 'panelist'))
    .select(['s.round_id', 's.unit_id', 's.panelist_id', 'ro.party', 's.criterion', 's.points', 's.source', 's.updated_at'])
    .where('s.round_id', 'in', ids)
    .orderBy('s.round_id').orderBy('s.unit_id').orderBy('s.panelist_id')
    .execute();
  const evidence = await db.selectFrom('scoring_evidence').selectAll().where('round_id', 'in', ids).orderBy('id').execute();
  const bonuses = await db.selectFrom('scoring_bonuses').selectAll().where('round_id', 'in', ids).orderBy('id').execute();
  const appeals = await db
    .selectFrom('scoring_appeals as a')
    .innerJoin('households as h', 'h.id', 'a.household_id')
    .select(['a.id', 'a.round_id', 'a.unit_id', 'h.room_code', 'a.text', 'a.status', 'a.reason', 'a.decided_by', 'a.decided_at', 'a.created_at'])
    .where('a.round_id', 'in', ids)
    .orderBy('a.id')
    .execute();
  const credits = await db
    .selectFrom('payments as p')
    .innerJoin('households as h', 'h.id', 'p.household_id')
    .innerJoin('fee_plans as f', 'f.id', 'p.fee_plan_id')
    .select(['p.id', 'h.room_code', 'f.name as plan', 'p.amount_fen', 'p.method', 'p.corrects_id', 'p.kind', 'p.created_at'])
    .where('p.estate_id', '=', estateId)
    .where((eb) => eb.or([eb('p.method', '=', `红栋力${year}`), eb('p.corrects_id', 'in', eb.selectFrom('payments').select('id').where('estate_id', '=', estateId).where('kind', '=', 'credit').where('method', '=', `红栋力${year}`))]))
    .orderBy('p.id')
    .execute();

  return [
    { name: '结果', header: ['月份', '版本', '公布时间', '因申诉', '单元', '状态', '得分', '名次', '流动红旗', '各项平均', '平均总分', '扣分', '加分', '评委数', '计入评委数', '否决项'], rows: resultRows },
    {
      name: '评分',
      header: ['月份', '单元', '评委编号', '评委方', '项目', '分数', '来源', '时间'],
      rows: scores.map((s) => [month.get(s.round_id)!, unit.get(s.unit_id) ?? null, s.panelist_id, s.party, criterionName(s.round_id, s.criterion), s.points, s.source === 'sheet' ? '评分表' : '聊天', s.updated_at]),
    },
    {
      name: '证据',
      header: ['月份', '证据', '单元', '工单', '建议', '扣分', '决定', '理由', '决定人编号', '决定时间'],
      rows: evidence.map((e) => [month.get(e.round_id)!, `E${e.id}`, unit.get(e.unit_id) ?? null, `T${e.ticket_id}`, PROPOSAL[e.proposal], e.points || null, e.decision ? DECISION[e.decision] : '待处理', e.reason && maskPersonalData(e.reason), e.decided_by, e.decided_at]),
    },
    { name: '加分', header: ['月份', '单元', '项目', '备注', '评委编号', '时间'], rows: bonuses.map((b) => [month.get(b.round_id)!, unit.get(b.unit_id) ?? null, rulesOf.get(b.round_id)?.bonuses.find((x) => x.key === b.item)?.name ?? b.item, b.note && maskPersonalData(b.note), b.member_id, b.created_at]) },
    {
      name: '申诉',
      header: ['申诉', '月份', '单元', '住户', '理由', '复核结果', '复核理由', '复核人编号', '复核时间', '提出时间'],
      rows: appeals.map((a) => [`A${a.id}`, month.get(a.round_id)!, unit.get(a.unit_id) ?? null, a.room_code, maskPersonalData(a.text), APPEAL[a.status], a.reason && maskPersonalData(a.reason), a.decided_by, a.decided_at, a.created_at]),
    },
    {
      name: '补贴',
      header: ['台账编号', '住户', '收费标准', '金额（分）', '说明', '冲正的是', '时间'],
      rows: credits.map((c) => [`P${c.id}`, c.room_code, c.plan, c.amount_fen, c.method, c.corrects_id === null ? null : `P${c.corrects_id}`, c.created_at]),
    },
    { name: '规则', header: ['月份', '状态', '截止', '规则（JSON）'], rows: rounds.map((r) => [r.month, r.status, r.closes_at, JSON.stringify(r.rules)]) },
  ];
}
