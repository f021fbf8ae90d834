import { yuan } from './money.js';
import type { talkZhHans } from './catalog-talk-zh-hans.js';

/** English for what the bot says when it is asked things in its own words (issue 11). */
export const talkEn: { [K in keyof typeof talkZhHans]: (...a: Parameters<(typeof talkZhHans)[K]>) => string } = {
  menu_short: () =>
    [
      "Sorry, I didn't understand. You can say:",
      '/paid 60 — report a payment',
      '/status — see what you have paid and what you owe',
      '/complain <text> — report a problem',
      '/bind 8-2-301 — link your flat',
      '/help for everything.',
    ].join('\n'),
  howto_pay: () =>
    ['To pay: give the money to your building head or grid worker (cash or WeChat), then send /paid 60 here.', 'Once they confirm it, you get a receipt privately; /status shows how far you have paid.'].join('\n'),
  howto_bind: () =>
    ['To link your flat, send /bind 8-2-301 (building-unit-room).', 'A grid worker confirms it; then you can report payments and check your account.'].join('\n'),
  howto_complain: () =>
    ['To report a problem, send /complain with what and where, e.g. /complain rubbish in the stairwell of building 8.', 'A grid worker takes it on and tells you how it goes; afterwards you can rate it.'].join('\n'),
  howto_status: () =>
    ['Send /status to see how far you have paid and what you owe; staff can send /status 8-2-301.', 'Not linked to a flat yet? Send /bind 8-2-301 first.'].join('\n'),
  months_which: () =>
    ['That sounds like an earlier payment; it does not need reporting again.', 'If /status does not show it, tell your grid worker which months and to whom you paid, and they will check and add it.'].join('\n'),
  bind_room_invalid: () => 'I could not read that flat. Write it as /bind 8-2-301 (building-unit-room), or 8-301 where there are no units.',
  collect_room_required: () => 'Please give the flat and the amount, e.g. /collect 8-2-301 60 cash',
  collect_room_invalid: () => 'I could not read that flat, e.g. /collect 8-2-301 60 cash',
  status_room_invalid: () => 'I could not read that flat, e.g. /status 8-2-301',
  urge_room_invalid: () => 'I could not read that flat, e.g. /urge 8-2-301',
  remind_text_required: () => 'Please give a time and a message, e.g. /remind every Monday 8:00 bins out',
  ballot_ref_required: () => 'Please give the vote, e.g. /ballot V4 yes (the number is in the notice)',
  reject_ref_required: () => 'Please give the reference, e.g. /reject P12 wrong amount',
  accept_ref_required: () => 'Please give the ticket, e.g. /accept T7',
  resolve_ref_required: () => 'Please give the ticket, e.g. /resolve T7 cleared',
  rate_ref_required: () => 'Please give the ticket, e.g. /rate T7 5',
  cancel_ref_required: () => 'Please give the reminder, e.g. /cancel R2 (/reminders lists them)',
  status_not_your_household: (p) => `You can only view the flats linked to you; ${p.room} is not one of them.`,
  status_not_your_zone: (p) => `${p.room} is not in your zone, so you cannot view its account.`,
  bind_still_pending: (p) => `${p.ref} (${p.room}) is still waiting for a grid worker to confirm it.`,
  ticket_recategorise_same: (p) => `${p.ref} is already filed as ${p.category}; nothing changed.`,
  ticket_offer: (p) => `${p.safety ? 'This is a safety hazard. ' : ''}That sounds like a ${p.category} problem. Reply "yes" within 10 minutes to file it as a ticket for the grid worker.`,
  chain_room_counted: (p) => `${p.room} is already in this list; it was not counted again.`,
  chain_line_error: (p) => `List line ${p.line}: ${p.reason}`,
  chain_held: (p) =>
    [
      `${p.lines.length} new ${p.lines.length === 1 ? 'payment' : 'payments'} in the list${p.again > 0 ? ` (${p.again} listed before and never confirmed)` : ''}:`,
      ...p.lines.map((l) => `${l.room} ¥${yuan(l.amount)} (${l.months} months)`),
      'If you collected them, reply /again within 30 minutes to record them; otherwise nothing is booked.',
    ].join('\n'),
};
