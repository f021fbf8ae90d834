import { clockTime, type When } from '../time/when-words.js';
import type { ReminderSchedule } from '../time/reminder-schedule.js';
import type { noticesZhHans } from './catalog-notices-zh-hans.js';
import { yuan } from './money.js';
import type { MonthName } from '../time/month.js';

const WEEKDAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const REL = { today: 'today', tomorrow: 'tomorrow', day_after: 'the day after tomorrow' } as const;

function pct(paid: number, total: number): string {
  return total === 0 ? '—' : `${Math.round((paid * 100) / total)}%`;
}

/** Wed 25 Nov 9:00, or tomorrow (Mon 23 Nov) 18:00. */
export function whenEn(w: When): string {
  const date = `${WEEKDAY[w.dow]} ${w.day} ${MONTH[w.month - 1]}${w.otherYear ? ` ${w.year}` : ''}`;
  return w.rel ? `${REL[w.rel]} (${date}) ${clockTime(w)}` : `${date} ${clockTime(w)}`;
}

function repeatEn(s: ReminderSchedule): string {
  switch (s.kind) {
    case 'daily':
      return `daily ${clockTime(s)}`;
    case 'weekly':
      return `every ${WEEKDAY[s.dow]} ${clockTime(s)}`;
    case 'monthly':
      return `monthly on day ${s.day} ${clockTime(s)}`;
    case 'once':
      return 'once';
  }
}

/** Notices, tallies, reminders and arrears chasing: English. */
export const noticesEn = {
  notice_title: (p: { scope: string; plan: string | null }) => `[${p.scope}${p.plan ? ` ${p.plan}` : ''} public notice]`,
  notice_period: (p: { from: When; to: When }) => `${whenEn({ ...p.from, rel: null })} to ${whenEn({ ...p.to, rel: null })}`,
  notice_late: () => '(posted late: the bot was not running at the scheduled time)',
  notice_payments_none: () => 'No new payments this week.',
  notice_payments_header: (p: { households: number; fen: number }) => `Paid this week: ${p.households} households, ${yuan(p.fen)} yuan:`,
  notice_payment: (p: { room: string; fen: number }) => `${p.room} ${yuan(p.fen)} yuan`,
  notice_payments_building: (p: { building: string; rooms: string[] }) => `Building ${p.building}: ${p.rooms.join(', ')}`,
  notice_rate: (p: { month: { en: string }; paid: number; total: number }) => `Collection rate ${p.month.en}: ${pct(p.paid, p.total)} (${p.paid}/${p.total})`,
  notice_rate_zone: (p: { name: string; paid: number; total: number; buildings: string }) => `${p.name} ${pct(p.paid, p.total)}: ${p.buildings}`,
  notice_rate_building: (p: { code: string; paid: number; total: number }) => `B${p.code} ${pct(p.paid, p.total)}`,
  notice_money: (p: { week: number; year: number }) => `Collected this week ${yuan(p.week)} yuan, this year ${yuan(p.year)} yuan`,
  notice_behind: (p: { households: number; fen: number }) => `Behind: ${p.households} households, ${yuan(p.fen)} yuan`,
  notice_tickets: (p: { opened: number; resolved: number; overdue: number }) => `Tickets this week: ${p.opened} new, ${p.resolved} resolved, ${p.overdue} overdue`,
  notice_footer: () => 'Only room numbers and amounts are published. Questions: ask your grid worker.',

  tally_title: (p: { zone: string; day: string }) => `[${p.zone} tally ${p.day}]`,
  tally_body: (p: { received: number; confirmed: number; rejected: number; waiting: number; fen: number; collected: number }) =>
    [
      `Claims received ${p.received}, confirmed ${p.confirmed}, rejected ${p.rejected}`,
      `Collected door to door: ${p.collected}`,
      `Waiting over 48 hours: ${p.waiting}${p.waiting > 0 ? ' — please decide them' : ''}`,
      `Money in today: ${yuan(p.fen)} yuan`,
    ].join('\n'),
  tally_tickets: (p: { opened: number; overdue: number }) => `Tickets: ${p.opened} new today, ${p.overdue} overdue`,
  tally_no_zone: () => 'You have no zone to tally.',

  remind_created: (p: { ref: string; next: When; repeat: ReminderSchedule; message: string }) =>
    `Reminder ${p.ref} set (${repeatEn(p.repeat)}): ${p.message}\nNext: ${whenEn(p.next)}\nTo cancel: /cancel ${p.ref}`,
  remind_unclear: () => 'I could not read the time. Write it like: /remind tomorrow 18:00 bins out (or every day 18:00, every Monday 8:00, next wednesday 14:00, friday 6pm)',
  remind_text_missing: () => 'Please add what to say, e.g. /remind 每月1日 9:00 请缴纳本月卫生费',
  remind_date_invalid: () => 'That date does not exist; please check it, e.g. /remind 11月25日 9:00 meeting',
  remind_in_past: () => 'That time has passed; please give a later one.',
  reminder_text: (p: { message: string; late: boolean }) => `⏰ Reminder: ${p.message}${p.late ? ' (late)' : ''}`,
  reminders_none: () => 'No active reminders in this chat.',
  reminders_header: (p: { count: number }) => `Reminders in this chat (${p.count}):`,
  reminders_line: (p: { ref: string; repeat: ReminderSchedule; next: When | null; message: string }) =>
    `${p.ref} ${repeatEn(p.repeat)} | next ${p.next ? whenEn(p.next) : '—'} | ${p.message}`,
  reminder_cancelled: (p: { ref: string }) => `Reminder ${p.ref} cancelled.`,
  reminder_not_active: (p: { ref: string }) => `Reminder ${p.ref} was already cancelled or has fired.`,
  reminder_other_chat: (p: { ref: string }) => `Reminder ${p.ref} belongs to another chat; cancel it there.`,

  urge_header: (p: { scope: string; households: number; fen: number }) => `[${p.scope}: fees due] ${p.households} households owe ${yuan(p.fen)} yuan in all:`,
  urge_building: (p: { building: string; rooms: string }) => `Building ${p.building}: ${p.rooms}`,
  urge_room: (p: { room: string; months: number; fen: number }) => `${p.room}(${p.months} mo ${yuan(p.fen)} yuan)`,
  urge_room_plans: (p: { room: string; owed: string[] }) => `${p.room}(${p.owed.join(', ')})`,
  urge_plan_owed: (p: { plan: string; months: number; fen: number }) => `${p.plan} ${p.months} mo ${yuan(p.fen)} yuan`,
  urge_mentioned: () => 'Neighbours of the rooms above, please take note.',
  urge_private: (p: { rooms: string }) => `Fee reminder: your household owes ${p.rooms}. Pay your grid worker, or send “已交XX元” in the group to record it. Already paid? Please ignore.`,
  urge_footer: () => 'Pay your grid worker, or send “已交XX元” to record it. Already paid? Please ignore.',
  urge_group_only: () => 'Send this in the estate group: it posts the rooms behind there.',
  urge_none: (p: { scope: string }) => `Nobody in ${p.scope} is behind: nothing to chase.`,
  urge_already: (p: { at: When }) => `Already chased today (${whenEn(p.at)}); at most once a day per group and area.`,
  chart_rate_title: (p: { month: MonthName; paid: number; total: number }) => `Collection rate by building, ${p.month.en} (${p.paid}/${p.total} households)`,
  chart_trend_title: (p: { month: MonthName }) => `Collected so far in ${p.month.en} (yuan)`,
  chart_building: (p: { code: string }) => `Bldg ${p.code}`,
  chart_day: (p: { day: number }) => `${p.day}`,
  chart_alt: (p: { month: MonthName }) => `Collection rate chart, ${p.month.en}`,
} satisfies { [K in keyof typeof noticesZhHans]: (...a: never[]) => string };
