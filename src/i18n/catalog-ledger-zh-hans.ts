import type { MonthName } from '../time/month.js';
import { yuan } from './money.js';

const through = (t: MonthName | null) => (t ? `现在交到${t.zh}` : '现在没有已入账的月份');

/** The treasurer's ledger (corrections, duplicate guard, batches, pending list, receipts): simplified Chinese. */
export const ledgerZhHans = {
  void_done: (p: { ref: string; room: string; fen: number; months: number; correction: string; reason: string | null; through: MonthName | null }) =>
    `已冲正 ${p.ref}：${p.room} 的 ${yuan(p.fen)}元（${p.months}个月）已撤回，冲正记录 ${p.correction}，原记录保留${p.reason ? `。原因：${p.reason}` : ''}。${through(p.through)}。`,
  void_restored: (p: { ref: string; room: string; fen: number; months: number; correction: string; through: MonthName | null }) =>
    `已撤销更正 ${p.ref}：${p.room} 恢复为 ${yuan(p.fen)}元（${p.months}个月），记录 ${p.correction}。${through(p.through)}。`,
  amend_done: (p: { ref: string; room: string; from: number; fen: number; months: number; correction: string; through: MonthName | null }) =>
    `已更正 ${p.ref}：${p.room} 由 ${yuan(p.from)}元 改为 ${yuan(p.fen)}元（${p.months}个月），更正记录 ${p.correction}，原记录保留。${through(p.through)}。`,
  already_void: (p: { ref: string; by: string }) => `${p.ref} 已经冲正过了（${p.by}）。`,
  already_corrected: (p: { ref: string; by: string }) => `${p.ref} 已经更正过了（${p.by}），如需再改请对 ${p.by} 操作。`,
  correct_pending_claim: (p: { ref: string }) => `${p.ref} 还在等确认，没有入账，不用冲正；如有误请发 驳回 ${p.ref}。`,
  correct_rejected_claim: (p: { ref: string }) => `${p.ref} 已经驳回，没有入账，不用冲正。`,
  correct_unchanged: (p: { ref: string; fen: number }) => `${p.ref} 现在就是 ${yuan(p.fen)}元，不用更正。`,
  resident_corrected: (p: { room: string; ref: string; from: number; fen: number; reason: string | null; through: MonthName | null }) =>
    `您家 ${p.room} 的缴费记录 ${p.ref} 已更正：${yuan(p.from)}元 → ${yuan(p.fen)}元${p.reason ? `（${p.reason}）` : ''}。${through(p.through)}。如有疑问请联系网格员。`,
  resident_corrected_group: (p: { ref: string }) => `您家的缴费记录 ${p.ref} 有更正，请私聊我发“查询”查看。`,
  dup_collection: (p: { ref: string }) => `刚刚已收费 ${p.ref}，确实再收一次吗？回复 确认收费`,
  dup_pending_claim: (p: { room: string; ref: string; fen: number }) =>
    `${p.room} 有待确认的缴费 ${p.ref}（${yuan(p.fen)}元），可能是同一笔。确实再收一次吗？回复 确认收费；是同一笔请发 确认 ${p.ref}`,
  dup_confirm: (p: { room: string; ref: string; fen: number; claim: string }) =>
    `${p.room} 近7天已收费 ${p.ref}（${yuan(p.fen)}元），${p.claim} 可能是同一笔。确实要入账请再发一次“确认 ${p.claim}”；不是本户另交的请发 驳回 ${p.claim} 重复`,
  rebook_none: () => '没有等您确认的收费（30分钟内）。',
  receipt_title: () => '【电子收据】',
  receipt_body: (p: {
    number: string; estate: string; room: string; plan: string; fen: number; months: number; through: MonthName | null; by: string; at: string;
  }) =>
    [`收据号：${p.number}`, `小区：${p.estate}`, `房号：${p.room}`, `项目：${p.plan}`, `金额：${yuan(p.fen)}元（${p.months}个月）`,
      `交到：${p.through ? p.through.zh : '—'}`, `经办：${p.by}`, `时间：${p.at}`].join('\n'),
  receipt_group: (p: { ref: string }) => `您的电子收据 ${p.ref} 已生成，请私聊我发“收据 ${p.ref}”查看。`,
  receipt_not_counted: (p: { ref: string }) => `${p.ref} 还没有入账，没有收据。`,
  receipt_not_yours: (p: { ref: string }) => `${p.ref} 不是您家的缴费，不能查看收据。`,
  role_grid_worker: () => '网格员',
  role_admin: () => '社区',
  role_resident: () => '居民',
  pending_none: () => '没有待确认的缴费和绑定。',
  pending_title: (p: { count: number }) => `待确认 ${p.count}项（最早的在前）：`,
  pending_claim: (p: { ref: string; room: string; fen: number; age: string }) => `${p.ref} ${p.room} ${yuan(p.fen)}元 · ${p.age}`,
  pending_binding: (p: { ref: string; room: string; age: string }) => `${p.ref} 绑定 ${p.room} · ${p.age}`,
  pending_footer: () => '回复“确认 P12 P13”可一次确认多项。',
  age_minutes: (p: { n: number }) => `${p.n}分钟前`,
  age_hours: (p: { n: number }) => `${p.n}小时前`,
  age_days: (p: { n: number }) => `${p.n}天前`,
  claims_digest: (p: { count: number; items: string[] }) => [`新的待确认缴费 ${p.count}笔：`, ...p.items, '发“待确认”查看全部。'].join('\n'),
  batch_line_error: (p: { line: string; reason: string }) => `${p.line}：${p.reason}`,
  notice_corrections: (p: { items: string[] }) => `本周更正 ${p.items.length}笔：${p.items.join('、')}`,
  notice_correction: (p: { room: string; ref: string; fen: number }) => `${p.room} ${p.ref} ${p.fen > 0 ? '+' : ''}${yuan(p.fen)}元`,
  tally_corrections: (p: { n: number; fen: number }) => `更正 ${p.n}笔，合计 ${p.fen > 0 ? '+' : ''}${yuan(p.fen)}元`,
};
