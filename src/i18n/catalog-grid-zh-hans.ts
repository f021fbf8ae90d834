import type { LocalTime } from '../time/local-time.js';
import type { MonthName } from '../time/month.js';

const hm = (m: number) => (m >= 60 ? `${Math.floor(m / 60)}小时${m % 60 > 0 ? `${m % 60}分钟` : ''}` : `${m}分钟`);
const against = (today: number, target: number) =>
  `今日共巡查${hm(today)}，目标${hm(target)}，${today >= target ? '已达标' : `还差${hm(target - today)}`}。`;

/** The grid worker's day (巡查, 走访), simplified Chinese. Staff only: never posted next to a resident's name. */
export const gridZhHans = {
  patrol_started: (p: { at: LocalTime; today: number; target: number }) =>
    `开始巡查（${p.at.zh}）。${against(p.today, p.target)}\n发送位置可记下走到哪里；“巡查发现 …”记下问题；巡查完发“结束巡查”。`,
  patrol_already_open: (p: { since: LocalTime }) => `您已在巡查中（${p.since.zh}开始）。巡查完发“结束巡查”。`,
  patrol_none_open: () => '您现在没有进行中的巡查。发“开始巡查”开始。',
  patrol_stopped: (p: { minutes: number; notes: number; points: number; today: number; target: number; auto: boolean }) =>
    `巡查结束：本次${hm(p.minutes)}${p.auto ? '（超过时限，按时限计）' : ''}，记录${p.notes}条，位置${p.points}个。${against(p.today, p.target)}`,
  patrol_status: (p: { today: number; target: number; since: LocalTime | null }) =>
    (p.since ? `正在巡查（${p.since.zh}开始）。` : '') + against(p.today, p.target),
  patrol_note_saved: (p: { ref: string }) => `已记录巡查发现 ${p.ref}。需要处理的请回复“转工单”，不回复则只作记录。`,
  patrol_note_needs_patrol: () => '请先发“开始巡查”，巡查中发现的问题再用“巡查发现 …”记录。',
  patrol_auto_closed: (p: { since: LocalTime; minutes: number }) =>
    `您${p.since.zh}开始的巡查超过${hm(p.minutes)}还没有结束，已自动结束，按${hm(p.minutes)}计。下次巡查完请发“结束巡查”。`,
  patrol_reminder: (p: { today: number; target: number }) =>
    `今天还没有巡查记录（目标${hm(p.target)}${p.today > 0 ? `，已巡查${hm(p.today)}` : ''}）。出发时发“开始巡查”。`,
  patrol_location_saved: (p: { count: number }) => `已记下位置（本次巡查第${p.count}个）。`,
  to_ticket_nothing: () => '没有可以转工单的记录：先用“巡查发现 …”或“走访 8-2-301 …”记下，再回复“转工单”。',
  to_ticket_already: (p: { note: string; ticket: string }) => `${p.note} 已经转为工单 ${p.ticket}。`,
  to_ticket_done: (p: { note: string; ticket: string; category: string; owner: string; acceptBy: LocalTime }) =>
    `${p.note} 已转为工单 ${p.ticket}（${p.category}），由${p.owner}负责，${p.acceptBy.zh}前受理。`,
  visit_saved: (p: { ref: string; room: string; month: number }) =>
    `已记录走访 ${p.ref}：${p.room}（仅工作人员可见）。本月已走访${p.month}次。需要处理的请回复“转工单”。`,
  visits_none: (p: { room: string }) => `${p.room} 还没有走访记录。`,
  visits_header: (p: { room: string; count: number }) => `${p.room} 走访记录 ${p.count} 条（仅工作人员可见）：`,
  visits_line: (p: { ref: string; at: LocalTime; by: string | null; text: string; ticket: string | null }) =>
    `${p.ref} ${p.at.zh}${p.by ? ` ${p.by}` : ''}：${p.text}${p.ticket ? `（已转工单 ${p.ticket}）` : ''}`,
  visit_private_only: () => '走访记录只在工作人员群或私聊里查看。',
  report_who: () => '月报只有社区管理员和物业管理委员会可以查看。',
  report_month_invalid: () => '月份看不懂，请这样写：月报 2026-11',
  report_header: (p: { month: MonthName; estate: string; target: number }) => `${p.month.zh}考核（${p.estate}，每日巡查目标${hm(p.target)}）`,
  report_workers: () => '网格员：',
  report_worker: (p: { zone: string | null; name: string | null; daysOnTarget: number; daysPatrolled: number; minutes: number; autoClosed: number; visits: number; door: number; accepted: number; resolved: number; onTime: number; rating: string | null }) =>
    `${p.zone ?? ''}${p.name ? ` ${p.name}` : ''}：巡查达标${p.daysOnTarget}天（共${p.daysPatrolled}天，${hm(p.minutes)}${p.autoClosed > 0 ? `，自动结束${p.autoClosed}次` : ''}）· 走访${p.visits}户次 · 入户问卷${p.door}份 · 受理${p.accepted} · 按时办结${p.onTime}/${p.resolved} · 评价${p.rating ?? '—'}`,
  report_companies: () => '物业服务公司：',
  report_company: (p: { name: string; tickets: number; resolved: number; onTime: number; rating: string | null; survey: string | null }) =>
    `${p.name}：工单${p.tickets} · 按时办结${p.onTime}/${p.resolved} · 评价${p.rating ?? '—'} · 满意度${p.survey ?? '—'}`,
  report_none: () => '（本月没有网格员）',
  report_surveys: () => '问卷：',
  report_survey: (p: { ref: string; title: string; answered: number; households: number; door: number; score: string | null }) =>
    `${p.ref}《${p.title}》回收${p.answered}/${p.households}户（入户${p.door}份）· 综合${p.score ?? '—'}`,
  ticket_owner_property: (p: { company: string }) => `物业服务公司 ${p.company}`,
};
