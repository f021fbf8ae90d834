import type { TicketStatus } from '../db/database.js';
import type { TicketCategory } from '../text/ticket-categories.js';
import type { LocalTime } from '../time/local-time.js';

const CATEGORY: Record<TicketCategory, string> = {
  flying_wire: '飞线充电',
  fire_lane: '车辆/消防通道',
  leak_drain: '漏水/下水道',
  lighting_wiring: '照明/电线',
  environment: '环境卫生',
  clutter: '楼道杂物',
  noise: '噪音',
  greenery: '绿化',
  security: '门禁安全',
  other: '其他',
};

const STATUS: Record<TicketStatus, string> = { open: '待受理', accepted: '处理中', resolved: '已完成待评价', closed: '已关闭' };

const where = (b: string | null) => (b ? ` · ${b}栋` : '');

/** Tickets (工单), simplified Chinese. Never a resident's name or phone: only refs, categories, buildings, staff. */
export const ticketsZhHans = {
  offer_button: () => '是，提交工单',
  offer_says: () => '是',
  ticket_category: (p: { category: TicketCategory }) => CATEGORY[p.category],
  ticket_status: (p: { status: TicketStatus }) => STATUS[p.status],
  ticket_owner_worker: (p: { zone: string; name: string | null }) => `${p.zone}网格员${p.name ? ` ${p.name}` : ''}`,
  ticket_owner_admins: () => '社区',
  ticket_owner_staff: (p: { name: string | null }) => `社区工作人员${p.name ? ` ${p.name}` : ''}`,
  ticket_meaningless: () => '请说明具体是什么问题、在哪里，例如：投诉 8栋楼道堆放杂物',
  ticket_filed: (p: { ref: string; category: string; owner: string; acceptBy: LocalTime; photos: number }) =>
    `已收到工单 ${p.ref}（${p.category}），由${p.owner}负责，${p.acceptBy.zh}前受理。` + (p.photos > 0 ? `已附照片${p.photos}张。` : '') + '处理进展会通知您。',
  ticket_new_for_owner: (p: { ref: string; category: string; building: string | null; text: string; acceptBy: LocalTime }) =>
    `新工单 ${p.ref}（${p.category}${where(p.building)}）：${p.text}\n请在${p.acceptBy.zh}前回复“受理 ${p.ref}”。`,
  ticket_joined: (p: { ref: string; category: string; count: number }) =>
    `同一问题已有工单 ${p.ref}（${p.category}），您的反映已并入，目前共${p.count}位居民反映。处理进展会通知您。`,
  ticket_joined_owner: (p: { ref: string; count: number }) => `${p.ref} 又有居民反映同一问题，目前共${p.count}人反映。`,
  ticket_already_reported: (p: { ref: string }) => `您已经反映过这个问题（${p.ref}），正在处理中。`,
  ticket_not_found: (p: { ref: string }) => `没有找到工单 ${p.ref}，请核对编号。`,
  ticket_not_visible: (p: { ref: string }) => `${p.ref} 只有反映人、负责的网格员和社区可以查看。`,
  ticket_not_yours: (p: { ref: string }) => `${p.ref} 不归您负责：只有负责的网格员、该片区网格员和社区可以处理。`,
  ticket_accepted: (p: { ref: string; resolveBy: LocalTime }) => `已受理 ${p.ref}，请在${p.resolveBy.zh}前处理完成。`,
  ticket_accepted_reporter: (p: { ref: string; category: string; owner: string }) => `您反映的 ${p.ref}（${p.category}）已由${p.owner}受理，正在处理。`,
  ticket_already_accepted: (p: { ref: string }) => `${p.ref} 已经受理了。`,
  ticket_is_done: (p: { ref: string; status: string }) => `${p.ref} ${p.status}，不能再操作。`,
  ticket_resolved: (p: { ref: string }) => `已办结 ${p.ref}，已请居民评价。`,
  ticket_resolved_reporter: (p: { ref: string; note: string | null }) =>
    `您反映的 ${p.ref} 已处理完成${p.note ? `：${p.note}` : ''}。请回复“评价 ${p.ref} 5”打分（1到5分，1–2分会重新处理）。`,
  ticket_rate_not_reporter: (p: { ref: string }) => `只有提交 ${p.ref} 的居民本人可以评价。`,
  ticket_rate_not_yet: (p: { ref: string }) => `${p.ref} 还没有处理完成，完成后再评价。`,
  ticket_already_rated: (p: { ref: string }) => `${p.ref} 已经评价过了，谢谢。`,
  ticket_rated_closed: (p: { ref: string; rating: number }) => `谢谢您的评价（${p.rating}分），工单 ${p.ref} 已关闭。`,
  ticket_rated_owner: (p: { ref: string; rating: number }) => `${p.ref} 居民评价${p.rating}分，已关闭。`,
  ticket_rated_reopened: (p: { ref: string; rating: number }) => `收到您的评价（${p.rating}分）。${p.ref} 已重新打开，会再处理。`,
  ticket_reopened_owner: (p: { ref: string; rating: number; comment: string | null; acceptBy: LocalTime }) =>
    `${p.ref} 居民评价${p.rating}分${p.comment ? `：${p.comment}` : ''}，已重新打开，请在${p.acceptBy.zh}前再次受理。`,
  ticket_recategorised: (p: { ref: string; from: string; to: string }) => `${p.ref} 分类已从“${p.from}”改为“${p.to}”。`,
  ticket_recategorise_unknown: () => '分类看不懂。可用：飞线充电、消防通道、漏水、照明、环境卫生、杂物、噪音、绿化、门禁、其他',
  ticket_photo_attached: (p: { ref: string; count: number }) => `照片已附到工单 ${p.ref}（共${p.count}张）。`,
  ticket_list_header: (p: { scope: string; count: number }) => `${p.scope}未完成工单 ${p.count} 件：`,
  ticket_list_header_all: (p: { scope: string; count: number }) => `${p.scope}最近工单 ${p.count} 件：`,
  ticket_list_line: (p: { ref: string; category: string; building: string | null; status: string; count: number; due: LocalTime | null; overdue: boolean }) =>
    `${p.ref} ${p.category}${where(p.building)} ${p.status}` + (p.count > 1 ? ` ${p.count}人反映` : '') + (p.due ? (p.overdue ? ` 已超时（${p.due.zh}）` : ` 限${p.due.zh}`) : ''),
  ticket_list_more: (p: { more: number }) => `……另有 ${p.more} 件，发“工单 T编号”查看详情。`,
  ticket_list_none: (p: { scope: string }) => `${p.scope}没有未完成的工单。`,
  ticket_scope_estate: () => '全小区',
  ticket_scope_zone: (p: { zone: string }) => p.zone,
  ticket_scope_mine: () => '您提交的',
  ticket_detail: (p: { ref: string; category: string; building: string | null; status: string; owner: string; text: string; count: number; photos: number; rating: number | null }) =>
    `工单 ${p.ref}（${p.category}${where(p.building)}）${p.status}，负责：${p.owner}\n内容：${p.text}` +
    (p.count > 1 ? `\n反映人数：${p.count}` : '') +
    (p.photos > 0 ? `\n照片：${p.photos}张` : '') +
    (p.rating !== null ? `\n评价：${p.rating}分` : ''),
  ticket_history_line: (p: { at: LocalTime; what: string }) => `${p.at.zh} ${p.what}`,
  ticket_actor_resident: () => '居民',
  ticket_actor_system: () => '系统',
  ticket_actor_staff: (p: { role: 'grid_worker' | 'admin' | 'property'; name: string | null }) =>
    ({ grid_worker: '网格员', admin: '社区', property: '物业' })[p.role] + (p.name ? `（${p.name}）` : ''),
  ticket_event: (p: { kind: string; actor: string; note: string | null; rating: number | null; level: number | null; from: string | null; to: string | null }) => {
    const note = p.note ? `：${p.note}` : '';
    switch (p.kind) {
      case 'filed': return `${p.actor}提交`;
      case 'joined': return `${p.actor}也反映了此问题`;
      case 'accepted': return `${p.actor}受理`;
      case 'resolved': return `${p.actor}办结${note}`;
      case 'rated': return `${p.actor}评价${p.rating}分${note}`;
      case 'reopened': return `重新打开（评价${p.rating}分）`;
      case 'closed': return '关闭';
      case 'recategorised': return `${p.actor}改分类：${p.from} → ${p.to}`;
      case 'photo': return `${p.actor}附照片`;
      case 'reminded': return `提醒负责人（${p.note === 'accept' ? '受理' : '办结'}将到期）`;
      case 'escalated': return `超时上报社区（第${p.level}级：${p.note === 'accept' ? '未按时受理' : '未按时办结'}）`;
      default: return p.kind;
    }
  },
  ticket_remind_accept: (p: { ref: string; category: string; due: LocalTime }) => `提醒：工单 ${p.ref}（${p.category}）还没有受理，请在${p.due.zh}前回复“受理 ${p.ref}”。`,
  ticket_remind_resolve: (p: { ref: string; category: string; due: LocalTime }) => `提醒：工单 ${p.ref}（${p.category}）请在${p.due.zh}前处理完成，完成后回复“完成 ${p.ref} 处理情况”。`,
  ticket_escalated: (p: { ref: string; category: string; building: string | null; owner: string; stage: 'accept' | 'resolve'; due: LocalTime; count: number; level: number }) =>
    `【超时上报】工单 ${p.ref}（${p.category}${where(p.building)}）${p.stage === 'accept' ? '未按时受理' : '未按时办结'}，期限${p.due.zh}，负责：${p.owner}` +
    (p.count > 1 ? `，${p.count}人反映` : '') + `。发“工单 ${p.ref}”查看详情。`,
};
