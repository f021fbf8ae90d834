import type { Catalog } from './catalog-zh-hans.js';

import { yuan } from './money.js';

const y = (fen: number) => `¥${yuan(fen)}`;

/** English, for Latin-only slash commands. */
export const en: Catalog = {
  help: () =>
    [
      'linli can do this (type in the group):',
      '/bind 8-2-301 — link your household',
      '/paid 60 — report a payment; staff confirm it',
      '/status — what you have paid and what you owe',
      '/complain <text> — report a problem or a repair',
      '/rate T7 5 — rate how a ticket was handled',
      'Staff: /confirm P12, /reject P12 reason, /collect 8-2-301 60 cash, /unpaid, /tickets, /accept T7, /resolve T7, /tally, /notice, /urge, /remind, /reminders',
    ].join('\n'),
  room_required: () => 'Please give the room, e.g. /bind 8-2-301',
  room_invalid: () => 'I could not read that room. Write it as 8-2-301 (building-unit-room).',
  amount_required: () => 'Please give the amount, e.g. /collect 8-2-301 60',
  amount_invalid: () => 'That amount is not valid. Write what was paid, e.g. /paid 60',
  months_invalid: () => 'That number of months is not valid (1 to 120).',
  ref_required: () => 'Please give the reference, e.g. /confirm P12',
  ref_invalid: () => 'That reference is not valid: payments are P12, bindings B3, tickets T7.',
  rating_invalid: () => 'Please rate from 1 to 5, e.g. /rate T7 5',
  text_required: () => 'Please say what is wrong, e.g. /complain rubbish in stairwell of building 8',
  text_too_long: () => 'That is too long; please keep it under 2000 characters.',
  group_unlinked: () => 'Hello, I am linli. This group is not linked to an estate yet, so I cannot help here until an admin links it.',
  private_no_estate: () => 'Please bind your household in your estate group first (/bind 8-2-301).',
  staff_only: () => 'Only grid workers and community staff can do that.',
  not_your_zone: (p) => `${p.room} is not in your zone; please ask its grid worker.`,
  room_unknown: (p) => `There is no room ${p.room} in this estate.`,
  room_out_of_scope: (p) => `${p.room} is not covered by this group.`,
  bind_requested: (p) => `Binding request ${p.ref} for ${p.room} received; staff will confirm it.`,
  bind_pending_exists: (p) => `You already asked to bind ${p.room} (${p.ref}); it is waiting for staff.`,
  bind_already: (p) => `You are already bound to ${p.room}.`,
  bind_confirmed: (p) => `Binding ${p.ref} confirmed: ${p.room} is bound.`,
  bind_rejected: (p) => `Binding ${p.ref} (${p.room}) was rejected${p.reason ? `: ${p.reason}` : ''}.`,
  pay_no_household: () => 'You have no household yet. Bind one first: /bind 8-2-301',
  pay_which_household: (p) => `You are bound to several households (${p.rooms}); please name the room.`,
  pay_not_your_household: (p) => `You are not bound to ${p.room}; you can only report payments for your own household.`,
  pay_need_amount: (p) => `Please say how much or how many months, e.g. /paid 60 (${p.plan} is ${y(p.fee)} a month).`,
  pay_not_whole_months: (p) => `${y(p.amount)} is not a whole number of months of ${p.plan} (${y(p.fee)} a month).`,
  pay_period_mismatch: (p) => `The amount and the period disagree: ${y(p.amount)}, but ${p.months} months (${p.plan} is ${y(p.fee)} a month, so ${p.months} months is ${y(p.months * p.fee)}). Please check and send it again.`,
  pay_claimed: (p) => `Recorded ${p.ref}: ${p.room} paid ${y(p.amount)} (${p.months} months); waiting for staff to confirm.`,
  pay_duplicate_pending: (p) => `That payment is already recorded (${p.ref}) and waiting for confirmation.`,
  ref_not_found: (p) => `${p.ref} was not found.`,
  already_confirmed: (p) => `${p.ref} is already confirmed.`,
  already_rejected: (p) => `${p.ref} is already rejected.`,
  pay_confirmed: (p) => `Confirmed ${p.ref}: ${p.room} ${y(p.amount)} (${p.months} months), paid through ${p.through.en}.`,
  pay_rejected: (p) => `Rejected ${p.ref} (${p.room})${p.reason ? `: ${p.reason}` : ''}.`,
  collect_done: (p) => `Collected ${p.ref}: ${p.room} ${y(p.amount)} (${p.months} months), paid through ${p.through.en}.`,
  status_line: (p) =>
    `${p.room} ${p.plan} (${y(p.fee)}/month): ` +
    (p.through ? `paid through ${p.through.en}` : 'no payments yet') +
    (p.owedMonths > 0 ? `; owes ${p.owedMonths} months, ${y(p.owedFen)}.` : p.through ? '; nothing owed.' : '.'),
  status_pending: (p) => `${p.count} more payment(s) waiting for confirmation.`,
  status_no_household: () => 'You have no household yet. Bind one with /bind 8-2-301.',
  unpaid_header: (p) => `${p.scope} arrears: ${p.households} of ${p.total} households owe ${y(p.fen)} in all`,
  unpaid_building: (p) => `Building ${p.building}: ${p.rooms}`,
  unpaid_room: (p) => `${p.room}(${p.months}m)`,
  unpaid_none: (p) => `${p.scope}: no household owes anything.`,
  scope_estate: (p) => p.name,
  scope_zone: (p) => p.name,
  scope_building: (p) => `Building ${p.code}`,
  unpaid_unit: (p) => `Building ${p.building} unit ${p.unit}`,
  unpaid_min_months: (p) => ` (owing ${p.months}+ months)`,
  unpaid_filter_unclear: () => 'I could not read the filter. Try: /unpaid building 8, /unpaid building 8 unit 2, /unpaid months 3',
  unpaid_building_out_of_scope: (p) => `Building ${p.building} is not in your area.`,
  unpaid_building_unknown: (p) => `There is no building ${p.building}. Your buildings: ${p.buildings}.`,
  no_fee_plan: () => 'This estate has no fee plan yet.',
  internal_error: () => 'Sorry, something went wrong. Please try again later or ask your grid worker.',
};
