import type { adaptersZhHans } from './catalog-adapters-zh-hans.js';

export const adaptersEn = {
  botcmd_help: () => 'How to use the bot',
  botcmd_bind: () => 'Bind your room, e.g. /bind 8-2-301',
  botcmd_paid: () => 'Report a payment, e.g. /paid 60',
  botcmd_status: () => 'Your fee status',
  botcmd_complain: () => 'Complaint or repair request, e.g. /complain rubbish in the stairwell',
  botcmd_tickets: () => 'List tickets',
  botcmd_rate: () => 'Rate a ticket, e.g. /rate T7 5',
  botcmd_confirm: () => '(staff) Confirm a payment or binding, e.g. /confirm P12',
  botcmd_reject: () => '(staff) Reject, e.g. /reject P12 wrong amount',
  botcmd_collect: () => '(staff) Record a payment, e.g. /collect 8-2-301 60',
  botcmd_unpaid: () => '(staff) Households in arrears',
  botcmd_accept: () => '(staff) Accept a ticket',
  botcmd_resolve: () => '(staff) Resolve a ticket',
  botcmd_remind: () => '(staff) Set a reminder',
  botcmd_urge: () => '(staff) Remind households in arrears',
  botcmd_tally: () => "(staff) Today's tally",
  botcmd_notice: () => '(staff) Post the public notice',
  botcmd_claim: () => 'Use an invitation code (become staff, or link this group)',
  mention_fallback: () => 'neighbour',
  offer_button: () => 'Yes, file it',
} satisfies { [K in keyof typeof adaptersZhHans]: (typeof adaptersZhHans)[K] };
