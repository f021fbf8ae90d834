import { commandAs } from '../src/commands/parsed-command.js';
import { cleanText } from '../src/text/clean-text.js';
import { foldText } from '../src/text/fold-text.js';
import { monthName } from '../src/time/month.js';
import { hasOpenAppeal } from '../src/scoring/appeals.js';
import { decideEvidence, gatherEvidence } from '../src/scoring/evidence.js';
import { decisionWords, proposalWords } from '../src/scoring/evidence-words.js';
import { isPanelist } from '../src/scoring/panel.js';
import { roundForPanel, unitsInScope } from '../src/scoring/rounds.js';
import { commandProcessor } from './run-command.js';

const CONFIRM = ['确认', '采纳', '成立', 'confirm', 'yes'];
const DISMISS = ['驳回', '不采纳', '不成立', 'dismiss', 'no'];

/**
 * 证据 [8-2]: the month's tickets beside their units, with what each proposes (panelists only);
 * 证据 E3 确认|驳回 理由: the panel's decision, with its reason. Nothing counts until confirmed.
 */
export const scoringEvidence = commandProcessor('evidence', async (ctx) => {
  const { t } = ctx.i18n;
  if (!isPanelist(ctx.roles)) return ctx.reply(t('sc_panelist_only'));
  const cmd = commandAs(ctx.job.command, 'evidence');
  const { ref } = cmd;
  if (ref !== null) {
    const id = Number(ref.slice(1));
    const e = await ctx.tx.selectFrom('scoring_evidence as e').innerJoin('scoring_rounds as r', 'r.id', 'e.round_id').selectAll('e').select(['r.status', 'r.estate_id']).where('e.id', '=', id).executeTakeFirst();
    if (!e || e.estate_id !== ctx.estate.id) return ctx.reply(t('sc_evidence_unknown', { ref }));
    const u = await ctx.tx.selectFrom('units as u').innerJoin('buildings as b', 'b.id', 'u.building_id').select(['u.code as unit', 'b.code as building']).where('u.id', '=', e.unit_id).executeTakeFirstOrThrow();
    const unitCode = `${u.building}-${u.unit}`;
    const words = (cmd.text ?? '').trim();
    const folded = foldText(cleanText(words));
    const verb = [...CONFIRM, ...DISMISS].sort((a, b) => b.length - a.length).find((w) => folded.startsWith(w));
    const reason = verb ? words.slice(verb.length).replace(/^[\s,，:：]+/, '') : '';
    if (!verb || reason === '') return ctx.reply(t('sc_evidence_usage'));
    if (e.status === 'published' && !(await hasOpenAppeal(ctx.tx, e.round_id, e.unit_id))) return ctx.reply(t('sc_evidence_locked', { ref }));
    const decision = CONFIRM.includes(verb) ? 'confirmed' : 'dismissed';
    await decideEvidence(ctx.tx, id, decision, reason, ctx.member.id, ctx.now);
    await ctx.audit(`scoring.evidence.${decision}`, ref, { reason, ticket: e.ticket_id });
    ctx.reply(t('sc_evidence_decided', { ref, unit: unitCode, decision: decisionWords(t, { ...e, decision, reason }) }));
    return;
  }
  const round = await roundForPanel(ctx.tx, ctx.estate, ctx.now);
  if (!round) return ctx.reply(t('sc_nothing_to_publish'));
  const units = await unitsInScope(ctx.tx, ctx.estate.id, round.rules);
  const code = new Map(units.map((u) => [u.id, u.code]));
  if (round.status !== 'published') await gatherEvidence(ctx.tx, round, ctx.estate.time_zone, units, ctx.now);
  const rows = await ctx.tx
    .selectFrom('scoring_evidence')
    .selectAll()
    .where('round_id', '=', round.id)
    .$if(cmd.room !== null, (q) => q.where('unit_id', '=', units.find((u) => u.code === cmd.room)?.id ?? -1))
    .orderBy('id')
    .execute();
  if (rows.length === 0) return ctx.reply(t('sc_evidence_none', { month: monthName(round.month) }));
  const lines = rows.map((e) => t('sc_evidence_line', { ref: `E${e.id}`, unit: code.get(e.unit_id) ?? '?', ticket: `T${e.ticket_id}`, proposal: proposalWords(t, round.rules, e), decision: decisionWords(t, e) }));
  return ctx.reply([t('sc_evidence_head', { month: monthName(round.month) }), ...lines].join('\n'));
});
