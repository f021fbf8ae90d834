import type { Translator } from '../i18n/translator.js';
import { monthName } from '../i18n/month.js';
import type { NoticeData } from './notice-data.js';
import { when } from './when-words.js';

/** Rooms listed one per line before the rest are summed up: a phone screen, not a ledger. */
export const MAX_NOTICE_ROOMS = 40;

/**
 * The public notice as text: room codes and sums only (no names, no phone numbers — the data
 * carries none), short lines for a phone screen.
 */
export function buildNotice(d: NoticeData, t: Translator['t']): string {
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
      for (const p of d.payments.slice(0, MAX_NOTICE_ROOMS)) lines.push(t('notice_payment', { room: p.room, fen: p.fen }));
      if (d.payments.length > MAX_NOTICE_ROOMS) lines.push(t('notice_payments_more', { households: d.payments.length - MAX_NOTICE_ROOMS }));
    }
    lines.push('');
    lines.push(t('notice_rate', { month: monthName(d.month), paid: d.overall.paid, total: d.overall.total }));
    for (const z of d.zones) {
      const buildings = z.buildings.map((b) => t('notice_rate_building', { code: b.code, paid: b.rate.paid, total: b.rate.total })).join(' ');
      // One zone of one building: the overall line already says it all.
      if (d.zones.length > 1 || z.buildings.length > 1) lines.push(t('notice_rate_zone', { name: z.name, paid: z.rate.paid, total: z.rate.total, buildings }));
    }
    lines.push(t('notice_money', { week: d.weekFen, year: d.yearFen }));
    lines.push(t('notice_behind', { households: d.behindHouseholds, fen: d.behindFen }));
  }
  if (d.tickets) lines.push(t('notice_tickets', d.tickets));
  lines.push('');
  lines.push(t('notice_footer'));
  return lines.filter((l, i, a) => l !== '' || (i > 0 && a[i - 1] !== '')).join('\n').trim();
}
