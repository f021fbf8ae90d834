import { yuan } from './money.js';

/** Several fee plans per estate and the new-claim digest: simplified Chinese. */
export const plansZhHans = {
  plan_unknown: (p: { word: string; plans: string }) => `本小区没有“${p.word}”这项收费。现有收费：${p.plans}。`,
  plan_not_covered: (p: { room: string; plan: string }) => `${p.room} 不在${p.plan}的收费范围内。`,
  plan_no_area: (p: { room: string; plan: string }) => `${p.plan}按面积收，${p.room} 的面积还没有登记，请联系社区登记后再交。`,
  status_no_area: (p: { room: string; plan: string; rate: number }) => `${p.room} ${p.plan}（每平方米每月${yuan(p.rate)}元）：面积未登记，无法计算。`,
  tally_by_plan: (p: { items: string[] }) => `其中 ${p.items.join('，')}`,
  plan_sum: (p: { plan: string; fen: number }) => `${p.plan} ${yuan(p.fen)}元`,
  notice_plan_money: (p: { week: number }) => `本周收款 ${yuan(p.week)}元`,
  status_no_plan: (p: { room: string }) => `${p.room} 没有要交的费用。`,
  unpaid_plan: (p: { plan: string }) => `【${p.plan}】`,
  digest_claim: (p: { ref: string; room: string; plan: string; fen: number; age: string }) => `${p.ref} ${p.room} ${p.plan} ${yuan(p.fen)}元 · ${p.age}`,
};
