import { yuan } from './money.js';
import type { MonthName } from '../time/month.js';

/** Simplified Chinese: the source catalogue; zh-Hant is converted from it. */
export const zhHans = {
  help: () =>
    [
      '邻里 可以做这些（直接在群里发文字）：',
      '· 绑定 8-2-301 —— 绑定您家的房号',
      '· 已交60元 / 交了一年卫生费 —— 登记缴费，网格员确认后入账',
      '· 查询 —— 查看您家交到几月、欠费多少',
      '· 投诉 楼道堆放杂物 / 报修 5栋漏水 —— 提交投诉或报修',
      '· 评价 T7 5 —— 给处理结果打分',
      '网格员：确认 P12 / 驳回 P12 原因 / 收费 8-2-301 60 现金 / 欠费名单 / 工单 / 受理 T7 / 完成 T7 / 统计 / 公示 / 催缴 / 提醒 每月1日 9:00 … / 提醒列表',
    ].join('\n'),
  room_required: () => '请写上房号，例如：绑定 8-2-301',
  one_room_each: () => '一条消息只能登记一户的缴费：请每户分开发，例如“已交 8-2-301 60元”。',
  room_invalid: () => '房号看不懂，请这样写：8-2-301（栋-单元-室）或 8栋2单元301',
  amount_required: () => '请写上金额，例如：收费 8-2-301 60',
  amount_invalid: () => '金额不对，请写实际交的钱数，例如：已交60元',
  months_invalid: () => '月数不对，请写 1 到 120 个月，例如：交了一年',
  ref_required: () => '请写上编号，例如：确认 P12',
  ref_invalid: () => '编号不对：缴费是 P 开头（P12），绑定是 B 开头（B3），工单是 T 开头（T7）',
  rating_invalid: () => '评分请写 1 到 5，例如：评价 T7 5',
  text_required: () => '请说明具体情况，例如：投诉 8栋楼道堆放杂物',
  text_too_long: () => '内容太长了，请简短一些（2000字以内）',
  group_unlinked: () => '您好，我是邻里。本群还没有关联小区，暂时不能办理。请社区管理员关联本群后再使用。',
  private_no_estate: () => '请先在小区群里发“绑定 房号”，绑定后可以私聊查询。',
  staff_only: () => '这个操作只有网格员或社区工作人员可以做。',
  not_your_zone: (p: { room: string }) => `${p.room} 不在您负责的网格内，请联系该网格的网格员。`,
  room_unknown: (p: { room: string }) => `本小区没有 ${p.room} 这个房号，请核对后再发。`,
  room_out_of_scope: (p: { room: string }) => `${p.room} 不属于本群的范围。`,
  bind_requested: (p: { ref: string; room: string }) => `已收到绑定申请 ${p.ref}：${p.room}。网格员确认后生效。`,
  bind_pending_exists: (p: { ref: string; room: string }) => `您已申请绑定 ${p.room}（${p.ref}），正在等网格员确认。`,
  bind_already: (p: { room: string }) => `您已经绑定了 ${p.room}，不用再绑定。`,
  bind_confirmed: (p: { ref: string; room: string }) => `绑定 ${p.ref} 已确认：${p.room} 已绑定。`,
  bind_rejected: (p: { ref: string; room: string; reason: string | null }) =>
    `绑定 ${p.ref}（${p.room}）未通过${p.reason ? `：${p.reason}` : ''}。如有疑问请联系网格员。`,
  pay_no_household: () => '您还没有绑定房号。请先发“绑定 房号”，例如：绑定 8-2-301',
  pay_which_household: (p: { rooms: string }) => `您绑定了多户（${p.rooms}），请写明房号，例如：已交60元 ${p.rooms.split('、')[0]}`,
  pay_not_your_household: (p: { room: string }) => `您没有绑定 ${p.room}，只能为自己绑定的房号登记缴费。`,
  pay_need_amount: (p: { fee: number; plan: string }) =>
    `请写明交了多少钱或几个月，例如：已交60元，或 交了一年${p.plan}（每月${yuan(p.fee)}元）`,
  pay_not_whole_months: (p: { amount: number; fee: number; plan: string }) =>
    `${yuan(p.amount)}元 不是整月的${p.plan}（每月${yuan(p.fee)}元），请核对金额。`,
  pay_period_mismatch: (p: { amount: number; months: number; fee: number; plan: string }) =>
    `金额和月数对不上：${yuan(p.amount)}元，但写的是${p.months}个月（${p.plan}每月${yuan(p.fee)}元，${p.months}个月是${yuan(p.months * p.fee)}元）。请核对后再发。`,
  pay_claimed: (p: { ref: string; room: string; amount: number; months: number }) =>
    `已登记 ${p.ref}：${p.room} 交 ${yuan(p.amount)}元（${p.months}个月），等网格员确认后入账。`,
  pay_duplicate_pending: (p: { ref: string }) => `这笔缴费已经登记过了（${p.ref}），正在等确认。`,
  ref_not_found: (p: { ref: string }) => `没有找到 ${p.ref}，请核对编号。`,
  already_confirmed: (p: { ref: string }) => `${p.ref} 已经确认过了。`,
  already_rejected: (p: { ref: string }) => `${p.ref} 已经驳回了。`,
  pay_confirmed: (p: { ref: string; room: string; amount: number; months: number; through: MonthName }) =>
    `已确认 ${p.ref}：${p.room} ${yuan(p.amount)}元（${p.months}个月）已入账，交到${p.through.zh}。`,
  pay_rejected: (p: { ref: string; room: string; reason: string | null }) =>
    `已驳回 ${p.ref}（${p.room}）${p.reason ? `：${p.reason}` : ''}。`,
  collect_done: (p: { ref: string; room: string; amount: number; months: number; through: MonthName }) =>
    `已收费 ${p.ref}：${p.room} ${yuan(p.amount)}元（${p.months}个月），交到${p.through.zh}。`,
  status_line: (p: { room: string; plan: string; fee: number; through: MonthName | null; owedMonths: number; owedFen: number }) =>
    `${p.room} ${p.plan}（每月${yuan(p.fee)}元）：` +
    (p.through ? `已交到${p.through.zh}` : '还没有缴费记录') +
    (p.owedMonths > 0 ? `，欠${p.owedMonths}个月，共${yuan(p.owedFen)}元。` : p.through ? '，没有欠费。' : '。'),
  status_pending: (p: { count: number }) => `另有 ${p.count} 笔缴费等确认。`,
  status_no_household: () => '您还没有绑定房号。发“绑定 8-2-301”这样的消息绑定后即可查询。',
  unpaid_header: (p: { scope: string; households: number; total: number; fen: number }) =>
    `${p.scope}欠费名单：${p.households}户欠费（共${p.total}户），合计${yuan(p.fen)}元`,
  unpaid_building: (p: { building: string; rooms: string }) => `${p.building}栋：${p.rooms}`,
  unpaid_room: (p: { room: string; months: number; fen: number }) => `${p.room}(${p.months}月)`,
  unpaid_none: (p: { scope: string }) => `${p.scope}没有欠费的住户。`,
  scope_estate: (p: { name: string }) => p.name,
  scope_zone: (p: { name: string }) => p.name,
  scope_building: (p: { code: string }) => `${p.code}栋`,
  unpaid_unit: (p: { building: string; unit: string }) => `${p.building}栋${p.unit}单元`,
  unpaid_min_months: (p: { months: number }) => `（欠${p.months}个月及以上）`,
  unpaid_filter_unclear: () => '没看懂要筛选什么。可以这样写：欠费名单 8栋、欠费名单 8栋2单元、欠费名单 欠3个月以上。',
  unpaid_building_out_of_scope: (p: { building: string }) => `${p.building}栋不在您负责的网格内。`,
  unpaid_building_unknown: (p: { building: string; buildings: string }) => `没有${p.building}栋。您负责的楼栋是：${p.buildings}。`,
  no_fee_plan: () => '本小区还没有设置收费标准。',
  internal_error: () => '抱歉，处理时出了问题，请稍后再试，或联系网格员。',
};

export type CatalogKey = keyof typeof zhHans;
export type Catalog = { [K in CatalogKey]: (typeof zhHans)[K] };
