import type { committeeZhHans } from './catalog-committee-zh-hans.js';

/** The property-service company and the committee: English; same keys as committeeZhHans. */
export const committeeEn: { [K in keyof typeof committeeZhHans]: (typeof committeeZhHans)[K] } = {
  role_property: (p) => `property-service staff${p.company ? ` of ${p.company}` : ''}`,
  role_committee: () => 'property management committee member',
  rating_title: (p) => `${p.company}: service rating, ${p.month.en}`,
  rating_q_repairs: () => 'Repairs on time',
  rating_q_cleaning: () => 'Cleanliness',
  rating_q_security: () => 'Safety and order',
  rating_q_manner: () => 'Courtesy',
  rating_free: () => 'Comments on the property company',
  trial_ended: (p) =>
    [
      `The trial period of ${p.company} ended with ${p.month.en}.`,
      `Residents' rating for ${p.month.en}: ${p.score === null ? 'no answers' : p.score} (${p.answered}/${p.households} households answered).`,
      p.vote !== null
        ? `Poll ${p.vote} is open: the households decide whether to continue.`
        : p.noPoll === 'no_group'
          ? 'The estate has no residents’ group linked, so no poll was opened; open one with /poll.'
          : p.noPoll === 'no_staff'
            ? 'The estate has no community admin, so no poll was opened.'
            : 'Whether to continue is for the community and the committee to agree.',
    ].join('\n'),
  trial_poll_title: (p) => `Continue engaging ${p.company} for property services?`,
  trial_poll_continue: () => 'Continue',
  trial_poll_stop: () => 'Do not continue',
  trial_poll_intro: (p) => `The trial period of ${p.company} is over; residents rated ${p.month.en} ${p.score === null ? '(no answers)' : p.score}.`,
  report_xlsx_title: (p) => `${p.estate} ${p.month} performance (daily patrol target ${p.target} min)`,
  report_xlsx_workers: () => 'Grid workers',
  report_xlsx_companies: () => 'Property companies',
  report_xlsx_worker_columns: () => 'Zone|Name|Days on target|Days patrolled|Patrol minutes|Closed automatically|Visits|Accepted|Resolved|Resolved on time|Average rating|Ratings|Door-to-door answers',
  report_xlsx_company_columns: () => 'Company|Tickets|Resolved|Resolved on time|Average rating|Ratings|Residents’ score',
  report_xlsx_surveys: () => 'Surveys',
  report_xlsx_survey_columns: () => 'Survey|Title|Households answered|Households asked|Of them door to door|Score',
};
