import { html } from 'hono/html';
import { squareMetres } from '../../i18n/catalog-council-zh-hans.js';
import { perMille } from '../../council/ratio.js';
import { buildingLines, turnoutLine } from '../../council/render-count.js';
import { countVote } from '../../council/vote-count.js';
import { localTime } from '../../time/local-time.js';
import { bar, type Html } from '../page.js';
import type { StaffContext } from '../staff-context.js';
import { staffPage } from '../staff-page.js';
import type { WebDeps } from '../web-deps.js';

/**
 * Open votes with their live turnout, counted by the council's own countVote (as 投票情况 and the
 * weekly notice count them): for an owners' decision persons and area each against the 2/3 quorum,
 * for a poll households; then per building. Turnout only — never who voted how.
 */
export async function votesPage(deps: WebDeps, staff: StaffContext): Promise<Html> {
  const { t } = staff.i18n;
  const en = staff.i18n.locale === 'en';
  const now = deps.clock.now();
  const votes = await deps.db.selectFrom('votes').selectAll().where('estate_id', '=', staff.estate.id).where('status', '=', 'open').orderBy('id').execute();
  const cards: Html[] = [];
  for (const v of votes) {
    const count = await countVote(deps.db, v, now);
    const deadline = localTime(v.deadline, staff.estate.time_zone);
    const quorum = (label: string, part: string, whole: string, p: number, w: number, met: boolean) =>
      html`<tr><td>${label}</td><td>${part} / ${whole} (${(perMille(p, w) / 10).toFixed(1)}%)${bar(p, w)}</td><td class="${met ? '' : 'warn'}">${met ? t('web_vote_met') : t('web_vote_not_met')}</td></tr>`;
    const figures = count.kind === 'decision'
      ? html`<table><thead><tr><th></th><th>${t('web_vote_turnout')}</th><th>${t('web_vote_two_thirds')}</th></tr></thead><tbody>
${quorum(t('web_vote_persons'), String(count.count.participating.persons), String(count.count.total.persons), count.count.participating.persons, count.count.total.persons, count.count.quorum.persons)}
${quorum(t('web_vote_area'), `${squareMetres(count.count.participating.area)} m²`, `${squareMetres(count.count.total.area)} m²`, count.count.participating.area, count.count.total.area, count.count.quorum.area)}
</tbody></table>`
      : html`${bar(count.count.cast, count.count.eligible)}`;
    cards.push(html`<div class="card">
<h2>V${v.id} ${v.title}</h2>
<div class="muted">${t('web_vote_deadline', { at: en ? deadline.en : deadline.zh })}</div>
<p>${turnoutLine(count, t)}</p>
${figures}
<details><summary>${t('web_col_building')}</summary><ul>${buildingLines(count, t).map((l) => html`<li>${l}</li>`)}</ul></details>
</div>`);
  }
  return staffPage(staff, t('web_nav_votes'), html`<h1>${t('web_nav_votes')}</h1>${cards.length === 0 ? html`<p class="muted">${t('web_none')}</p>` : cards}`);
}
