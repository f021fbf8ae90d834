import { clockTime, type When } from '../time/when-words.js';
import type { ReminderSchedule } from '../time/reminder-schedule.js';
import { yuan } from './money.js';
import type { MonthName } from '../time/month.js';

const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const REL = { today: '今天', tomorrow: '明天', day_after: '后天' } as const;

function pct(paid: number, total: number): string {
  return total === 0 ? '—' : `${Math.round((paid * 100) / total)}%`;
}

/** 11月25日（周三）9:00, or 明天（11月23日 周一）18:00. */
export function whenZh(w: When): string {
  const date = `${w.otherYear ? `${w.year}年` : ''}${w.month}月${w.day}日`;
  return w.rel ? `${REL[w.rel]}（${date} ${WEEKDAY[w.dow]}）${clockTime(w)}` : `${date}（${WEEKDAY[w.dow]}）${clockTime(w)}`;
}

function repeatZh(s: ReminderSchedule): string {
  switch (s.kind) {
    case 'daily':
      return `每天 ${clockTime(s)}`;
    case 'weekly':
      return `每${WEEKDAY[s.dow]} ${clockTime(s)}`;
    case 'monthly':
      return `每月${s.day}日 ${clockTime(s)}`;
    case 'once':
      return '一次';
  }
}

/** Notices, tallies, reminders and arrears chasing: simplified Chinese. */
export const noticesZhHans = {
  notice_title: (p: { scope: string; plan: string | null }) => `【${p.scope}${p.plan ? ` ${p.plan}` : ''}公示】`,
  notice_period: (p: { from: When; to: When }) => `${whenZh({ ...p.from, rel: null })} 至 ${whenZh({ ...p.to, rel: null })}`,
  notice_late: () => '（补发：上次公示时系统未运行）',
  notice_payments_none: () => '本周没有新的缴费。',
  notice_payments_header: (p: { households: number; fen: number }) => `本周缴费 ${p.households}户，共${yuan(p.fen)}元：`,
  notice_payment: (p: { room: string; fen: number }) => `${p.room} ${yuan(p.fen)}元`,
  notice_payments_building: (p: { building: string; rooms: string[] }) => `${p.building}栋：${p.rooms.join('、')}`,
  notice_rate: (p: { month: MonthName; paid: number; total: number }) => `${p.month.zh}收缴率 ${pct(p.paid, p.total)}（${p.paid}/${p.total}户）`,
  notice_rate_zone: (p: { name: string; paid: number; total: number; buildings: string }) => `${p.name} ${pct(p.paid, p.total)}：${p.buildings}`,
  notice_rate_building: (p: { code: string; paid: number; total: number }) => `${p.code}栋${pct(p.paid, p.total)}`,
  notice_money: (p: { week: number; year: number }) => `本周收款 ${yuan(p.week)}元，今年累计 ${yuan(p.year)}元`,
  notice_behind: (p: { households: number; fen: number }) => `欠费 ${p.households}户，共${yuan(p.fen)}元`,
  notice_tickets: (p: { opened: number; resolved: number; overdue: number }) => `工单：本周新增${p.opened}件，办结${p.resolved}件，超期未办${p.overdue}件`,
  notice_footer: () => '以上只公示房号和金额。如有疑问请联系网格员。',

  tally_title: (p: { zone: string; day: string }) => `【${p.zone} ${p.day} 统计】`,
  tally_body: (p: { received: number; confirmed: number; rejected: number; waiting: number; fen: number; collected: number }) =>
    [
      `收到缴费登记 ${p.received}笔，确认 ${p.confirmed}笔，驳回 ${p.rejected}笔`,
      `上门收费 ${p.collected}笔`,
      `超过48小时未确认 ${p.waiting}笔${p.waiting > 0 ? '，请尽快处理' : ''}`,
      `今日入账 ${yuan(p.fen)}元`,
    ].join('\n'),
  tally_tickets: (p: { opened: number; overdue: number }) => `工单：今日新增${p.opened}件，超期未办${p.overdue}件`,
  tally_no_zone: () => '您没有负责的片区，没有可统计的内容。',

  remind_created: (p: { ref: string; next: When; repeat: ReminderSchedule; message: string }) =>
    `已设置提醒 ${p.ref}（${repeatZh(p.repeat)}）：${p.message}\n下次提醒：${whenZh(p.next)}\n取消请发：取消 ${p.ref}`,
  remind_unclear: () => '提醒时间没看懂。请这样写：提醒 每月1日 9:00 请缴纳本月卫生费（也可以写 今晚8点、明早8点、周五下午5点、每周一 8:00、11月25日 9:00）',
  remind_text_missing: () => '请写上提醒的内容，例如：提醒 每月1日 9:00 请缴纳本月卫生费',
  remind_date_invalid: () => '日期不对，请核对，例如：提醒 11月25日 9:00 开居民会',
  remind_in_past: () => '这个时间已经过了，请写一个以后的时间。',
  reminder_text: (p: { message: string; late: boolean }) => `⏰ 提醒：${p.message}${p.late ? '（补发）' : ''}`,
  reminders_none: () => '本群没有进行中的提醒。',
  reminders_header: (p: { count: number }) => `本群的提醒（${p.count}个）：`,
  reminders_line: (p: { ref: string; repeat: ReminderSchedule; next: When | null; message: string }) =>
    `${p.ref} ${repeatZh(p.repeat)}｜下次 ${p.next ? whenZh(p.next) : '—'}｜${p.message}`,
  reminder_cancelled: (p: { ref: string }) => `已取消提醒 ${p.ref}。`,
  reminder_not_active: (p: { ref: string }) => `提醒 ${p.ref} 已经取消或已经提醒过了。`,
  reminder_other_chat: (p: { ref: string }) => `提醒 ${p.ref} 不是本群的，请到设置它的群里取消。`,

  urge_header: (p: { scope: string; households: number; fen: number }) => `【${p.scope}催缴】以下${p.households}户欠费，共${yuan(p.fen)}元，请尽快缴纳：`,
  urge_building: (p: { building: string; rooms: string }) => `${p.building}栋：${p.rooms}`,
  urge_room: (p: { room: string; months: number; fen: number }) => `${p.room}(${p.months}个月${yuan(p.fen)}元)`,
  urge_room_plans: (p: { room: string; owed: string[] }) => `${p.room}(${p.owed.join('，')})`,
  urge_plan_owed: (p: { plan: string; months: number; fen: number }) => `${p.plan}${p.months}个月${yuan(p.fen)}元`,
  urge_mentioned: () => '请以上房号的邻居留意（私信无法送达的邻居在此提醒）。',
  urge_private: (p: { rooms: string }) => `【催缴提醒】您家欠费：${p.rooms}。可以找网格员当面缴，或在群里发“已交XX元”登记。已缴请忽略。`,
  urge_footer: () => '可以找网格员当面缴，或发“已交XX元”登记。已缴请忽略。',
  urge_group_only: () => '催缴要在小区群里发，会在群里公布欠费房号。',
  urge_none: (p: { scope: string }) => `${p.scope}没有欠费的住户，不用催缴。`,
  urge_already: (p: { at: When }) => `今天已经催缴过了（${whenZh(p.at)}），同一个群、同一范围一天最多催缴一次。`,
  chart_rate_title: (p: { month: MonthName; paid: number; total: number }) => `${p.month.zh}收缴率（按楼栋，共${p.paid}/${p.total}户）`,
  chart_trend_title: (p: { month: MonthName }) => `${p.month.zh}累计收款（元）`,
  chart_building: (p: { code: string }) => `${p.code}栋`,
  chart_day: (p: { day: number }) => `${p.day}日`,
  chart_alt: (p: { month: MonthName }) => `${p.month.zh}收缴率图表`,
};
