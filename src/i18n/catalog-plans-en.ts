import type { plansZhHans } from './catalog-plans-zh-hans.js';
import { yuan } from './money.js';

const y = (fen: number) => `¥${yuan(fen)}`;

/** Several fee plans per estate and the new-claim digest: English. */
export const plansEn: { [K in keyof typeof plansZhHans]: (typeof plansZhHans)[K] } = {
  plan_unknown: (p) => `This estate has no fee called "${p.word}". Its fees are: ${p.plans}.`,
  plan_not_covered: (p) => `${p.room} is not charged ${p.plan}.`,
  plan_no_area: (p) => `${p.plan} is charged by floor area and ${p.room} has none on file; ask the community office to record it first.`,
  status_no_area: (p) => `${p.room} ${p.plan} (${y(p.rate)} per m² a month): no floor area on file, cannot be worked out.`,
  tally_by_plan: (p) => `of which ${p.items.join(', ')}`,
  plan_sum: (p) => `${p.plan} ${y(p.fen)}`,
  notice_plan_money: (p) => `Collected this week ${y(p.week)}`,
  status_no_plan: (p) => `${p.room} is charged no fee.`,
  unpaid_plan: (p) => `[${p.plan}]`,
  digest_claim: (p) => `${p.ref} ${p.room} ${p.plan} ${y(p.fen)} · ${p.age}`,
};
