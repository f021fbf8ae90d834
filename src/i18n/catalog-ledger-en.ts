import type { MonthName } from '../time/month.js';
import type { ledgerZhHans } from './catalog-ledger-zh-hans.js';
import { yuan } from './money.js';

const y = (fen: number) => `¥${yuan(fen)}`;
const through = (t: MonthName | null) => (t ? `now paid through ${t.en}` : 'nothing is counted now');

/** The treasurer's ledger: English. */
export const ledgerEn: { [K in keyof typeof ledgerZhHans]: (typeof ledgerZhHans)[K] } = {
  void_done: (p) => `Voided ${p.ref}: ${p.room} ${y(p.fen)} (${p.months} months) taken back as ${p.correction}; the original stays${p.reason ? `. Reason: ${p.reason}` : ''}. ${through(p.through)}.`,
  void_restored: (p) => `Undid correction ${p.ref}: ${p.room} back to ${y(p.fen)} (${p.months} months), entry ${p.correction}. ${through(p.through)}.`,
  amend_done: (p) => `Corrected ${p.ref}: ${p.room} from ${y(p.from)} to ${y(p.fen)} (${p.months} months), entry ${p.correction}; the original stays. ${through(p.through)}.`,
  already_void: (p) => `${p.ref} is already void (${p.by}).`,
  already_corrected: (p) => `${p.ref} is already corrected (${p.by}); correct ${p.by} instead.`,
  correct_pending_claim: (p) => `${p.ref} is still waiting for confirmation and counts for nothing; reject it instead (/reject ${p.ref}).`,
  correct_rejected_claim: (p) => `${p.ref} was rejected and counts for nothing.`,
  correct_unchanged: (p) => `${p.ref} already stands at ${y(p.fen)}.`,
  resident_corrected: (p) => `Payment ${p.ref} of ${p.room} was corrected: ${y(p.from)} → ${y(p.fen)}${p.reason ? ` (${p.reason})` : ''}. ${through(p.through)}. Ask your grid worker if anything is unclear.`,
  resident_corrected_group: (p) => `A payment record of your household (${p.ref}) was corrected; message me privately with /status to see it.`,
  dup_collection: (p) => `You collected ${p.ref} just now. Collect again? Reply /again`,
  dup_pending_claim: (p) => `${p.room} has a claim waiting, ${p.ref} (${y(p.fen)}), maybe the same money. Collect anyway? Reply /again; if it is the same, /confirm ${p.ref}`,
  dup_confirm: (p) => `${p.room} was collected for in the last 7 days, ${p.ref} (${y(p.fen)}); ${p.claim} may be the same money. To count it anyway send /confirm ${p.claim} again; otherwise /reject ${p.claim} duplicate`,
  rebook_none: () => 'No collection is waiting for your yes (in the last 30 minutes).',
  receipt_title: () => '[E-receipt]',
  receipt_body: (p) =>
    [`Receipt: ${p.number}`, `Estate: ${p.estate}`, `Room: ${p.room}`, `Fee: ${p.plan}`, `Amount: ${y(p.fen)} (${p.months} months)`,
      `Paid through: ${p.through ? p.through.en : '—'}`, `By: ${p.by}`, `Time: ${p.at}`].join('\n'),
  receipt_group: (p) => `Your e-receipt ${p.ref} is ready; message me privately with /receipt ${p.ref}.`,
  receipt_not_counted: (p) => `${p.ref} is not counted yet, so there is no receipt.`,
  receipt_not_yours: (p) => `${p.ref} is not your household's payment.`,
  role_grid_worker: () => 'grid worker',
  role_admin: () => 'community office',
  role_resident: () => 'resident',
  pending_none: () => 'Nothing is waiting for confirmation.',
  pending_title: (p) => `Waiting for confirmation: ${p.count} (oldest first):`,
  pending_claim: (p) => `${p.ref} ${p.room} ${y(p.fen)} · ${p.age}`,
  pending_binding: (p) => `${p.ref} bind ${p.room} · ${p.age}`,
  pending_footer: () => 'Reply /confirm P12 P13 to confirm several at once.',
  age_minutes: (p) => `${p.n} min ago`,
  age_hours: (p) => `${p.n} h ago`,
  age_days: (p) => `${p.n} days ago`,
  claims_digest: (p) => [`New claims waiting: ${p.count}`, ...p.items, 'Send /pending to see them all.'].join('\n'),
  batch_line_error: (p) => `${p.line}: ${p.reason}`,
  notice_corrections: (p) => `Corrections this week (${p.items.length}): ${p.items.join(', ')}`,
  notice_correction: (p) => `${p.room} ${p.ref} ${p.fen > 0 ? '+' : ''}${yuan(p.fen)}`,
  tally_corrections: (p) => `Corrections: ${p.n}, net ${p.fen > 0 ? '+' : ''}${yuan(p.fen)} yuan`,
};
