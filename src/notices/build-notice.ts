import type { Translator } from '../i18n/translator.js';
import { monthName } from '../time/month.js';
import type { NoticeData } from './notice-data.js';
import { when } from '../time/when-words.js';
import { planSummaryLines } from './plan-summaries.js';

/**
 * The public notice as text: room codes and sums only (no names, no phone numbers — the data
 * carries none), short lines for a phone screen; long
 * weeks are split into several messages by the sender.
 */
export function buildNotice(d: NoticeData, t: Translator['t'], council: string[] = []): string {
  const lines: string[] = [];
  const scope = d.scope.kind === 'estate' ? d.estateName : d.scope.kind === 'zone' ? `${d.estateName}${t('scope_zone', { name: d.scope.name })}` : `${d.estateName}${t('scope_building', { code: d.scope.code })}`;
  lines.push(t('notice_title', { scope, plan: d.planName }));
  lines.push(t('notice_period', { from: when(d.from, d.to, d.timeZone), to: when(d.to, d.to, d.timeZone) }));
  if (d.late) lines.push(t('notice_late'));
  lines.push('');
  if (d.planName === null) {
    lines.push(t('no_fee_plan'));
  } else {
    if (d.payments.length === 0) lines.push(t('notice_payments_none'));
    else {
      lines.push(t('notice_payments_header', { households: d.payments.length, fen: d.weekFen }));
      // Every room, for all to check, one line per building so a collection week stays readable.
      const byBuilding = new Map<string, string[]>();
      for (const p of d.payments) {
        const building = p.room.split('-')[0];
        byBuilding.set(building, [...(byBuilding.get(building) ?? []), t('notice_payment', { room: p.room, fen: p.fen })]);
      }
      for (const [building, rooms] of byBuilding) lines.push(t('notice_payments_building', { building, rooms }));
    }
    // Corrections are public too: a sum that changed is shown with the entry it changed.
    if (d.corrections.length > 0) lines.push(t('notice_corrections', { items: d.corrections.map((c) => t('notice_correction', c)) }));
    lines.push('');
    lines.push(t('notice_rate', { month: monthName(d.month), paid: d.overall.paid, total: d.overall.total }));
    for (const z of d.zones) {
      const buildings = z.buildings.map((b) => t('notice_rate_building', { code: b.code, paid: b.rate.paid, total: b.rate.total })).join(' ');
      // One zone of one building: the overall line already says it all.
      if (d.zones.length > 1 || z.buildings.length > 1) lines.push(t('notice_rate_zone', { name: z.name, paid: z.rate.paid, total: z.rate.total, buildings }));
    }
    lines.push(t('notice_money', { week: d.weekFen, year: d.yearFen }));
    lines.push(t('notice_behind', { households: d.behindHouseholds, fen: d.behindFen }));
    // Each other fee plan (物业费 …) in short: its rate, money and arrears, no rooms.
    if (d.otherPlans && d.otherPlans.length > 0) lines.push(...planSummaryLines(d.otherPlans, d.month, t), '');
  }
  if (d.tickets) lines.push(t('notice_tickets', d.tickets));
  // Open votes and meeting decisions (src/council/notice-lines.ts), estate-wide.
  for (const c of council) lines.push('', c);
  lines.push('');
  lines.push(t('notice_footer'));
  return lines.filter((l, i, a) => l !== '' || (i > 0 && a[i - 1] !== '')).join('\n').trim();
}
