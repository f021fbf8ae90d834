import { activeCompanies, companiesOf } from '../src/committee/companies.js';
import { COMMITTEE_KEY_PREFIX, openRatingSurvey, RATING_OPENS_DAY, ratingSurvey } from '../src/committee/rating-survey.js';
import { endTrial, trialIsDue } from '../src/committee/trial-end.js';
import type { EstateRunJob } from '../src/queue/job-data.js';
import { handOverPending } from '../src/outbox/hand-over-pending.js';
import { currentMonth } from '../src/time/month.js';
import { localParts } from '../src/time/zoned-time.js';
import type { JobInfo, WorkerDeps } from './worker-deps.js';

/**
 * The committee's scheduled sweep: from day RATING_OPENS_DAY of each local month, every property
 * company in service gets its month's service rating by residents (a survey closing with the
 * month); after the last month of a trial, the trial ends with that rating (and a poll if asked).
 * Both happen once (the survey's key, the trial's mark); the announcements written by
 * `linli property rate` and `linli survey` go out here too.
 */
export async function committeeSweep(data: EstateRunJob, deps: WorkerDeps, _info?: JobInfo): Promise<void> {
  const now = deps.clock.now();
  let q = deps.db.selectFrom('estates').selectAll().orderBy('id');
  if (data.estateId !== null) q = q.where('id', '=', data.estateId);
  for (const estate of await q.execute()) {
    const tz = estate.time_zone;
    const ym = currentMonth(now, tz);
    if (localParts(now, tz).day >= RATING_OPENS_DAY) {
      for (const c of await activeCompanies(deps.db, estate.id)) {
        if ((await ratingSurvey(deps.db, c.id, ym)) !== null) continue;
        await deps.db.transaction().execute((tx) => openRatingSurvey(tx, estate, c, ym, now));
      }
    }
    for (const c of (await companiesOf(deps.db, estate.id)).filter((x) => trialIsDue(x, tz, now))) {
      await deps.db.transaction().execute((tx) => endTrial(tx, estate, c.id, now));
    }
  }
  await handOverPending(deps, { prefix: COMMITTEE_KEY_PREFIX, since: new Date(now.getTime() - 24 * 3600_000) });
}
