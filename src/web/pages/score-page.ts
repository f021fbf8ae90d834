import { html } from 'hono/html';
import type { Kysely } from 'kysely';
import type { Database, Estate } from '../../db/database.js';
import { isPanelist } from '../../scoring/panel.js';
import { rulesForMonth } from '../../scoring/rules-repository.js';
import type { ScoringRules } from '../../scoring/rules.js';
import { roundOf, unitsInScope, type Round, type ScoredUnit } from '../../scoring/rounds.js';
import { cardsOfRound } from '../../scoring/scores.js';
import { isComplete, type ScoreCard } from '../../scoring/unit-score.js';
import { currentMonth, monthName } from '../../time/month.js';
import type { Html } from '../page.js';
import type { StaffContext } from '../staff-context.js';
import { formFields, staffPage } from '../staff-page.js';
import { newFormToken } from '../web-command.js';
import type { WebDeps } from '../web-deps.js';

/** This month's scoring as the page sees it, read only (the round is created by the first score, as in the chat). */
export interface ScoringMonth {
  month: string;
  round: Round | null;
  /** The round exists and no longer takes scores. */
  closed: boolean;
  rules: ScoringRules;
  units: ScoredUnit[];
}

/** This month's round (if any), its rules (else the rules then in force) and the units they cover. */
export async function scoringMonth(db: Kysely<Database>, estate: Estate, now: Date): Promise<ScoringMonth> {
  const month = currentMonth(now, estate.time_zone);
  const round = await roundOf(db, estate.id, month);
  const rules = round?.rules ?? (await rulesForMonth(db, estate.id, month));
  const closed = round !== null && (round.status !== 'open' || now >= new Date(round.closes_at));
  return { month, round, closed, rules, units: await unitsInScope(db, estate.id, rules) };
}

/**
 * 红"栋"力 scoring: every unit a panelist scores this month, a form each (the criteria, filled with
 * what they sent so far) that sends the chat's own 评分 command. An admin who is not on the panel
 * sees how many panelists have finished each unit, never anyone's points.
 */
export async function scorePage(deps: WebDeps, staff: StaffContext, result: Html | null): Promise<Html> {
  const { t } = staff.i18n;
  const en = staff.i18n.locale === 'en';
  const m = await scoringMonth(deps.db, staff.estate, deps.clock.now());
  const monthText = en ? monthName(m.month).en : monthName(m.month).zh;
  const title = t('web_score_title', { month: monthText });
  const cards = m.round ? await cardsOfRound(deps.db, m.round.id) : new Map<number, ScoreCard[]>();
  const panelist = isPanelist(staff.roles);
  const head = html`<h1>${title}</h1>${result ?? ''}${m.closed ? html`<p class="error">${t('sc_closed', { month: monthName(m.month) })}</p>` : ''}`;
  if (m.units.length === 0) return staffPage(staff, title, html`${head}<p class="muted">${t('web_none')}</p>`);
  if (!panelist) {
    const rows = m.units.map((u) => html`<tr><td>${u.code}</td><td>${t('web_score_progress', { n: (cards.get(u.id) ?? []).filter((c) => isComplete(m.rules, c)).length })}</td></tr>`);
    return staffPage(staff, title, html`${head}<p class="muted">${t('web_score_not_panelist')}</p><div class="scroll"><table><thead><tr><th>${t('web_col_unit')}</th><th>${t('web_col_panel')}</th></tr></thead><tbody>${rows}</tbody></table></div>`);
  }
  const mine = (u: ScoredUnit) => (cards.get(u.id) ?? []).find((c) => c.panelistId === staff.member.id)?.points ?? {};
  const left = m.units.filter((u) => !isComplete(m.rules, { panelistId: staff.member.id, points: mine(u) })).length;
  const forms = m.units.map((u) => {
    const points = mine(u);
    const done = isComplete(m.rules, { panelistId: staff.member.id, points });
    const missing = m.rules.criteria.filter((c) => points[c.key] === undefined).map((c) => c.name).join('、');
    return html`<form method="post" action="/score" class="card" id="u-${u.code}">${formFields(staff, newFormToken())}<input type="hidden" name="unit" value="${u.code}">
<div class="row"><strong>${u.code}</strong> <span class="${done ? 'muted' : 'warn'}">${done ? t('web_score_done') : t('web_score_missing', { names: missing })}</span></div>
<div class="row">${m.rules.criteria.map((c) => html`<label>${c.name} <input type="number" inputmode="numeric" name="p_${c.key}" min="0" max="${c.maxPoints}" step="1" size="3" style="width:4.5em" value="${points[c.key] ?? ''}" ${m.closed ? 'disabled' : ''}> / ${c.maxPoints}</label>`)}
${m.closed ? '' : html`<button type="submit">${t('web_score_save')}</button>`}</div></form>`;
  });
  return staffPage(staff, title, html`${head}<p class="muted">${t('web_score_left', { count: left, total: m.units.length })}</p>${forms}`);
}

/** The chat command a scoring form stands for: `/score 8-2 环境卫生18 志愿服务9`. */
export function scoreForm(unit: string, points: string[]): string {
  return ['/score', unit, ...points].join(' ');
}
