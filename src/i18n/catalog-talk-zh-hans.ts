import { yuan } from './money.js';
/** Simplified Chinese for what the bot says when it is asked things in its own words (issue 11). */
export const talkZhHans = {
  menu_short: () =>
    [
      '没看懂您的意思，可以这样说：',
      '· 已交60元 —— 登记缴费',
      '· 我家交到几月了 —— 查看您家的账',
      '· 投诉 楼道堆放杂物 —— 投诉或报修',
      '· 绑定 8-2-301 —— 绑定房号',
      '发“帮助”看全部功能。',
    ].join('\n'),
  howto_pay: () =>
    ['交卫生费：把钱交给楼长或网格员（现金、微信都行），再在群里发“已交60元”。', '网格员确认后入账，会私信给您电子收据；发“查询”看交到几月。'].join('\n'),
  howto_bind: () =>
    ['绑定房号：在群里发“绑定 8-2-301”（栋-单元-室，也可以写 8栋2单元301）。', '网格员确认后就绑好了，之后可以登记缴费、查询。'].join('\n'),
  howto_complain: () =>
    ['投诉或报修：发“投诉”加上问题和地点，例如：投诉 8栋楼道堆放杂物、报修 5栋2单元漏水。', '网格员受理后会告诉您进度，处理完可以评价。'].join('\n'),
  howto_status: () =>
    ['查缴费：发“查询”，看您家交到几月、还欠多少；网格员可发“查询 8-2-301”。', '还没绑定房号的，先发“绑定 8-2-301”。'].join('\n'),
  months_which: () =>
    ['您说的是以前交过的吧？以前交的不用重新登记。', '如果发“查询”看到台账上没有，请告诉网格员是哪几个月、交给了谁，核对后补录。'].join('\n'),
  bind_room_invalid: () => '房号看不懂。可以这样写：绑定 8-2-301、绑定 8栋2单元301、绑定 八栋二单元三零一（没有单元的写 8-301）。',
  collect_room_required: () => '请写上房号和金额，例如：收费 8-2-301 60 现金',
  collect_room_invalid: () => '房号看不懂，例如：收费 8-2-301 60 现金（或 8栋2单元301）',
  status_room_invalid: () => '房号看不懂，例如：查询 8-2-301（或 8栋2单元301）',
  urge_room_invalid: () => '房号看不懂，例如：催缴 8-2-301',
  remind_text_required: () => '请写上时间和内容，例如：提醒 每月1日 9:00 请缴纳卫生费',
  ballot_ref_required: () => '请写上表决编号，例如：投票 V4 同意（编号在表决通知里）',
  reject_ref_required: () => '请写上编号，例如：驳回 P12 金额不符',
  accept_ref_required: () => '请写上工单号，例如：受理 T7',
  resolve_ref_required: () => '请写上工单号，例如：完成 T7 已清理',
  rate_ref_required: () => '请写上工单号，例如：评价 T7 5',
  cancel_ref_required: () => '请写上提醒编号，例如：取消提醒 R2（发“提醒列表”可查编号）',
  status_not_your_household: (p: { room: string }) => `您只能查询自己绑定的房号，${p.room} 不是您绑定的。`,
  status_not_your_zone: (p: { room: string }) => `${p.room} 不在您负责的网格内，查不了它的账。`,
  bind_still_pending: (p: { ref: string; room: string }) => `${p.ref}（${p.room}）还在等网格员确认，确认后就可以了。`,
  ticket_recategorise_same: (p: { ref: string; category: string }) => `${p.ref} 本来就是“${p.category}”类，没有改动。`,
  ticket_offer: (p: { category: string; safety: boolean }) =>
    `${p.safety ? '⚠️ 这是安全隐患。' : ''}听起来是“${p.category}”的问题，要报给网格员吗？回复“是”提交工单（10分钟内有效）。`,
  chain_room_counted: (p: { room: string }) => `${p.room} 在这条接龙里已经登记过了，没有重复计入。`,
  chain_line_error: (p: { line: string; reason: string }) => `接龙 ${p.line}：${p.reason}`,
  chain_held: (p: { lines: { room: string; amount: number; months: number }[]; again: number }) =>
    [
      `接龙里有 ${p.lines.length} 户新的缴费${p.again > 0 ? `（其中 ${p.again} 户是之前列出、还没有确认收费的）` : ''}：`,
      ...p.lines.map((l) => `${l.room} ${yuan(l.amount)}元（${l.months}个月）`),
      '网格员收了钱的，回复“确认收费”记为收费（30分钟内有效）；不回复则不入账。',
    ].join('\n'),
};
