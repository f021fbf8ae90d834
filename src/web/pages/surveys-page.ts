import { html } from 'hono/html';
import type { Kysely } from 'kysely';
import type { Database, Survey } from '../../db/database.js';
import { maskFreeText } from '../../survey/mask-free-text.js';
import { hundredths, questionResults, surveyScore, type QuestionResult } from '../../survey/survey-figures.js';
import { answersOf, householdsInScope, surveyIsOpen, surveyRef } from '../../survey/survey-repository.js';
import { bar, type Html } from '../page.js';
import { zonesInReach, type StaffContext } from '../staff-context.js';
import { staffPage } from '../staff-page.js';
import type { WebDeps } from '../web-deps.js';

/** Comments shown on one survey's card. */
const MAX_COMMENTS = 30;

/**
 * The surveys a staff member answers for, newest first: an admin every one; a grid worker the
 * estate-wide ones and those of her zones (or of a building in them).
 */
async function surveysInReach(db: Kysely<Database>, staff: StaffContext): Promise<Survey[]> {
  const reach = zonesInReach(staff.roles);
  const rows = await db
    .selectFrom('surveys as s')
    .leftJoin('buildings as b', 'b.id', 's.building_id')
    .selectAll('s')
    .select('b.zone_id as building_zone_id')
    .where('s.estate_id', '=', staff.estate.id)
    .orderBy('s.id', 'desc')
    .limit(50)
    .execute();
  if (reach === null) return rows;
  return rows.filter((s) => (s.zone_id === null && s.building_id === null) || reach.includes(s.zone_id ?? s.building_zone_id ?? -1));
}

/**
 * 问卷 results for staff, as 问卷结果 counts them: each question's average (or each choice's count)
 * overall and by zone, and the residents' comments masked. Never a name or room next to an answer.
 */
export async function surveysPage(deps: WebDeps, staff: StaffContext): Promise<Html> {
  const { t } = staff.i18n;
  const now = deps.clock.now();
  const surveys = await surveysInReach(deps.db, staff);
  const cards = await Promise.all(surveys.map((s) => surveyCard(deps.db, staff, s, now)));
  return staffPage(staff, t('web_surveys_all'), html`<h1>${t('web_surveys_all')}</h1>${cards.length === 0 ? html`<p class="muted">${t('web_none')}</p>` : cards}`);
}

async function surveyCard(db: Kysely<Database>, staff: StaffContext, s: Survey, now: Date): Promise<Html> {
  const { t } = staff.i18n;
  const households = await householdsInScope(db, s);
  const answers = await answersOf(db, s.id);
  const zoneOf = new Map(households.map((h) => [h.id, h.zoneName ?? t('survey_zone_none')]));
  const overall = questionResults(s.questions, answers.map((a) => a.scores));
  const zones = [...new Set(answers.map((a) => zoneOf.get(a.householdId) ?? t('survey_zone_none')))].sort();
  const byZone = zones.map((z) => ({ zone: z, results: questionResults(s.questions, answers.filter((a) => zoneOf.get(a.householdId) === z).map((a) => a.scores)) }));
  const score = surveyScore(overall);
  const cell = (r: QuestionResult, i: number): Html =>
    r.kind === 'scale'
      ? html`${t('web_survey_average', { average: r.average === null ? null : hundredths(r.average) })}`
      : html`${(s.questions[i].kind === 'choice' ? s.questions[i].options : []).map((o, k) => html`<div>${t('web_survey_choice', { option: o, n: r.counts[k] })}${bar(r.counts[k], r.count)}</div>`)}`;
  const zoneHead = zones.length > 1 ? byZone.map((z) => html`<th>${z.zone}</th>`) : '';
  const rows = s.questions.map(
    (q, i) => html`<tr><td>${i + 1}. ${q.text}</td><td>${cell(overall[i], i)}</td>${zones.length > 1 ? byZone.map((z) => html`<td>${cell(z.results[i], i)}</td>`) : ''}</tr>`,
  );
  const comments = answers.flatMap((a) => (a.freeText ? [maskFreeText(a.freeText)] : []));
  return html`<div class="card" id="${surveyRef(s.id)}"><h2>${surveyRef(s.id)}《${s.title}》 <span class="muted">${surveyIsOpen(s, now) ? t('web_survey_open') : t('web_survey_closed')}</span></h2>
<p>${t('web_survey_answered', { answered: answers.length, households: households.length })} · ${t('web_survey_score', { score: score === null ? null : hundredths(score) })}</p>${bar(answers.length, households.length)}
<div class="scroll"><table><thead><tr><th>${t('web_col_text')}</th><th>${t('web_all')}</th>${zoneHead}</tr></thead><tbody>${rows}</tbody></table></div>
${comments.length === 0 ? '' : html`<h2>${t('web_survey_comments', { count: comments.length })}</h2><ul>${comments.slice(0, MAX_COMMENTS).map((c) => html`<li>${c}</li>`)}</ul>`}</div>`;
}
