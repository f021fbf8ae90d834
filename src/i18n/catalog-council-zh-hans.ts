import type { LocalTime } from '../time/local-time.js';

/** Hundredths of m² as m² with two decimals, in integers: 9550 → 95.50. */
export function squareMetres(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
/** A per-mille as a percentage with one decimal: 666 → 66.6%. */
export function percent(perMille: number): string {
  return `${Math.floor(perMille / 10)}.${perMille % 10}%`;
}

const CHOICE: Record<string, string> = { yes: '同意', no: '反对', abstain: '弃权' };
const MATTER = { ordinary: '一般事项', special: '特别事项' } as const;
const PROPOSAL_STATUS = { open: '征集附议中', agenda: '已列入会议议题', merged: '已合并', declined: '未采纳', decided: '已决议' } as const;

/** One weight of a count, for the turnout and result lines. */
export interface Figure {
  persons: number;
  totalPersons: number;
  area: number;
  totalArea: number;
  personsPerMille: number;
  areaPerMille: number;
}
const yes = (b: boolean) => (b ? '达到' : '未达到');

/** Why a council command's arguments were refused. */
export type CouncilArgError =
  | 'ref_required'
  | 'when_unclear'
  | 'in_past'
  | 'place_required'
  | 'title_required'
  | 'options_required'
  | 'choice_unclear'
  | 'room_required'
  | 'owner_required'
  | 'text_required'
  | 'two_refs_required'
  | 'reason_required'
  | 'area_required';

const ARG_ERRORS: Record<CouncilArgError, string> = {
  ref_required: '请写上编号，例如：附议 Y3、投票 V4 同意',
  when_unclear: '时间看不懂，请这样写：12月10日 19:00',
  in_past: '这个时间已经过了，请写以后的时间',
  place_required: '请写上地点，例如：会议 12月10日 19:00 8栋议事点 议题 Y3',
  title_required: '请写上表决的事项，例如：表决 使用维修资金更换8栋电梯 截止12月8日 20:00 8栋',
  options_required: '请写2到9个选项，用“/”分开，例如：发起投票 晾衣架放哪里 选项 东侧/西侧 截止12月8日 20:00',
  choice_unclear: '请写“同意”“反对”或“弃权”',
  room_required: '请写上房号，例如：代录 V4 8-2-301 同意',
  owner_required: '请写上负责人，例如：决议 M2 加装晾衣架 负责 物业 截止 12月31日',
  text_required: '请写上内容',
  two_refs_required: '请写两个提议编号，例如：合并 Y5 到 Y3（把 Y5 并入 Y3）',
  reason_required: '请写上不采纳的原因，例如：不采纳 Y5 消防通道不能占用',
  area_required: '请写上房号和面积（平方米，最多两位小数），例如：面积 8-2-301 89.5',
};

/** The residents' council (议事会): proposals, meetings, votes. Never a name next to a vote: rooms and counts only. */
export const councilZhHans = {
  council_arg_error: (p: { error: CouncilArgError }) => ARG_ERRORS[p.error],
  council_bind_first: () => '请先绑定您家的房号（绑定 8-2-301），网格员确认后才能提议、附议或投票。',
  council_staff_only: () => '只有网格员或社区工作人员可以发起会议、表决和投票，或录入纸质票。',
  proposal_created: (p: { ref: string; text: string; threshold: number }) => `已记下提议 ${p.ref}：${p.text}\n邻居们回复“附议 ${p.ref}”支持，满${p.threshold}户附议后列入圆桌会议议题。`,
  proposal_not_found: (p: { ref: string }) => `没有找到提议 ${p.ref}，请核对编号。`,
  proposal_not_open: (p: { ref: string; status: keyof typeof PROPOSAL_STATUS; into?: string | null }) =>
    p.into ? `${p.ref} 已并入 ${p.into}，请回复“附议 ${p.into}”。` : `${p.ref} ${PROPOSAL_STATUS[p.status]}，不用再附议了。`,
  proposal_merge_same: (p: { ref: string }) => `不能把 ${p.ref} 并入它自己，请写两个不同的编号。`,
  proposal_not_reviewable: (p: { ref: string; status: keyof typeof PROPOSAL_STATUS }) => `${p.ref} ${PROPOSAL_STATUS[p.status]}，不能再合并或不予采纳。`,
  proposal_merged: (p: { from: string; into: string; carried: number; count: number; threshold: number }) =>
    `已将 ${p.from} 并入 ${p.into}：带过来${p.carried}户附议，${p.into} 目前${p.count}户支持${p.count >= p.threshold ? '，已达到上会门槛' : `（满${p.threshold}户上会）`}。`,
  proposal_merged_proposer: (p: { from: string; into: string; text: string }) => `您的提议 ${p.from} 与 ${p.into} 内容相近，已并入 ${p.into}：${p.text}
您家和邻居们的附议都已计入 ${p.into}。`,
  proposal_declined: (p: { ref: string; reason: string }) => `已不予采纳 ${p.ref}（原因：${p.reason}），已告知提议人。`,
  proposal_declined_proposer: (p: { ref: string; text: string; reason: string }) => `您的提议 ${p.ref}（${p.text}）未被采纳，原因：${p.reason}
如有疑问请联系网格员。`,
  proposal_supported: (p: { ref: string; count: number; threshold: number }) =>
    p.count >= p.threshold ? `已附议 ${p.ref}，已有${p.count}户支持，将列入下次圆桌会议议题。` : `已附议 ${p.ref}，目前${p.count}户支持（满${p.threshold}户上会）。`,
  proposal_support_already: (p: { ref: string; count: number }) => `您家已经附议过 ${p.ref}（目前${p.count}户支持）。`,
  proposal_reached_staff: (p: { ref: string; count: number; text: string }) => `提议 ${p.ref} 已有${p.count}户附议，达到上会门槛：${p.text}\n安排会议时写上议题，例如：会议 12月10日 19:00 8栋议事点 议题 ${p.ref}`,
  meeting_scheduled: (p: { ref: string; at: LocalTime; place: string; agenda: { ref: string; text: string }[] }) =>
    [`圆桌会议 ${p.ref}：${p.at.zh} 在${p.place}召开。`, ...(p.agenda.length > 0 ? ['议题：', ...p.agenda.map((a) => `${a.ref} ${a.text}`)] : []), '欢迎居民参加，会前一天和一小时前会再提醒。'].join('\n'),
  meeting_unknown_proposals: (p: { refs: string[] }) => `没有找到提议 ${p.refs.join('、')}，未列入议题。`,
  meeting_reminder: (p: { ref: string; at: LocalTime; place: string; kind: 'day_before' | 'hour_before'; agenda: string[] }) =>
    `${p.kind === 'day_before' ? '明天' : '一小时后'}（${p.at.zh}）圆桌会议 ${p.ref} 在${p.place}召开` + (p.agenda.length > 0 ? `，议题：${p.agenda.join(' ')}。` : '。'),
  meeting_not_found: (p: { ref: string }) => `没有找到会议 ${p.ref}，请核对编号。`,
  minutes_recorded: (p: { ref: string }) => `已记录 ${p.ref} 的会议纪要。会上的决定请用“决议 ${p.ref} 内容 负责 物业 截止 12月31日”记下，会在每周公示里跟踪进展。`,
  resolution_recorded: (p: { ref: string; meeting: string; text: string; owner: string; due: string }) => `已记下决议 ${p.ref}（${p.meeting}）：${p.text}，负责：${p.owner}，${p.due}前完成。进展请回复“进展 ${p.ref} …”，完成后回复“进展 ${p.ref} 完成”。`,
  task_not_found: (p: { ref: string }) => `没有找到决议 ${p.ref}，请核对编号。`,
  task_progress: (p: { ref: string; progress: string; done: boolean }) => (p.done ? `决议 ${p.ref} 已完成：${p.progress}` : `已更新决议 ${p.ref} 的进展：${p.progress}`),
  vote_opened_decision: (p: { ref: string; title: string; matter: 'ordinary' | 'special'; scope: string; deadline: LocalTime; households: number; secret: boolean }) =>
    [
      `业主表决 ${p.ref}（${MATTER[p.matter]}，${p.scope}，${p.households}户）：${p.title}`,
      `截止 ${p.deadline.zh}。业主请回复“投票 ${p.ref} 同意”“投票 ${p.ref} 反对”或“投票 ${p.ref} 弃权”，每户一票，截止前可改票，以最后一次为准。${p.secret ? '本次为无记名表决。' : ''}`,
      `表决有效需参与业主的专有部分面积和人数均占三分之二以上；${p.matter === 'special' ? '须经参与表决面积和人数均四分之三以上同意' : '须经参与表决面积和人数均过半数同意'}。`,
    ].join('\n'),
  vote_opened_poll: (p: { ref: string; title: string; options: string[]; deadline: LocalTime; secret: boolean; scope: string }) =>
    [`投票 ${p.ref}（${p.scope}）：${p.title}`, ...p.options.map((o, i) => `${i + 1}. ${o}`), `截止 ${p.deadline.zh}。每户一票，回复“投票 ${p.ref} 1”，截止前可改票。${p.secret ? '本次为无记名投票。' : ''}`].join('\n'),
  vote_ballot_notice: (p: { ref: string; title: string; rooms: string[]; deadline: LocalTime; options?: number | null }) =>
    `表决通知 ${p.ref}：${p.title}\n您家 ${p.rooms.join('、')} 可以投票，截止 ${p.deadline.zh}。` +
    (p.options ? `回复“投票 ${p.ref} 选项编号”（1–${p.options}）。` : `回复“投票 ${p.ref} 同意 / 反对 / 弃权”。`),
  vote_area_unknown: (p: { count: number; rooms: string[] }) => `还有${p.count}户没有登记专有部分面积（${p.rooms.join('、')}${p.count > p.rooms.length ? ' 等' : ''}），请先补齐名册再发起业主表决。`,
  vote_scope_empty: () => '表决范围内没有房号，请核对楼栋。',
  vote_scope_estate: () => '全小区',
  vote_scope_buildings: (p: { codes: string[] }) => p.codes.map((c) => `${c}栋`).join('、'),
  vote_unknown_buildings: (p: { codes: string[] }) => `本小区没有 ${p.codes.map((c) => `${c}栋`).join('、')}，请核对。`,
  vote_not_found: (p: { ref: string }) => `没有找到表决 ${p.ref}，请核对编号。`,
  vote_closed: (p: { ref: string }) => `${p.ref} 已截止，不再接受投票。`,
  ballot_not_owner: (p: { ref: string }) => `只有表决发起前已确认的业主可以参加业主表决 ${p.ref}；租户和家属需业主委托。`,
  ballot_not_bound: (p: { ref: string }) => `您没有 ${p.ref} 表决范围内已确认的房号绑定（需在发起前确认）。`,
  ballot_choice_unclear: (p: { ref: string; options: number | null }) =>
    p.options === null ? `请回复“投票 ${p.ref} 同意”、“反对”或“弃权”。` : `请回复选项编号，例如“投票 ${p.ref} 1”（1–${p.options}）。`,
  ballot_recorded: (p: { ref: string; households: number; changed: boolean; choice: string | null }) =>
    `已收到您的投票（${p.ref}，${p.households}户${p.choice ? `：${p.choice}` : ''}）${p.changed ? '，已按新的选择改票' : ''}。截止前可改票，以最后一次为准。`,
  paper_recorded: (p: { ref: string; room: string; changed: boolean; photo: boolean }) =>
    `已代录 ${p.room} 的纸质票（${p.ref}）${p.photo ? '，选票照片已存档' : '，请补发选票照片存档'}${p.changed ? '，替换了该户之前的投票' : ''}。`,
  paper_photo_attached: (p: { ref: string; room: string }) => `已存档 ${p.room} 的纸质选票照片（${p.ref}）。`,
  paper_not_in_scope: (p: { ref: string; room: string }) => `${p.room} 不在 ${p.ref} 的表决范围内。`,
  /** What a ballot button says when pressed: the ballot command itself. */
  ballot_says: (p: { ref: string; choice: string }) => `投票 ${p.ref} ${CHOICE[p.choice] ?? p.choice}`,
  choice_word: (p: { choice: string; options: string[] | null }) => (p.options === null ? CHOICE[p.choice] : `${p.choice}. ${p.options[Number(p.choice) - 1]}`),
  turnout_header: (p: { ref: string; title: string; at: LocalTime }) => `${p.ref} ${p.title}：截至 ${p.at.zh}`,
  turnout_decision: (p: { f: Figure; paper: number }) =>
    `参与人数 ${p.f.persons}/${p.f.totalPersons}（${percent(p.f.personsPerMille)}），面积 ${squareMetres(p.f.area)}/${squareMetres(p.f.totalArea)} m²（${percent(p.f.areaPerMille)}），均需三分之二以上` + (p.paper > 0 ? `；其中纸质票${p.paper}张` : ''),
  turnout_poll: (p: { cast: number; eligible: number; paper: number }) => `已投 ${p.cast}/${p.eligible} 户` + (p.paper > 0 ? `（纸质票${p.paper}张）` : ''),
  turnout_building: (p: { code: string; voted: number; households: number; votedArea: number; area: number; withArea: boolean }) =>
    `${p.code}栋 ${p.voted}/${p.households}户` + (p.withArea ? ` ${squareMetres(p.votedArea)}/${squareMetres(p.area)} m²` : ''),
  not_voted: (p: { ref: string; rooms: string[] }) => (p.rooms.length === 0 ? `${p.ref} 所有房号都已投票。` : `${p.ref} 未投票 ${p.rooms.length} 户：\n${p.rooms.join(' ')}`),
  not_reached: (p: { rooms: string[] }) =>
    p.rooms.length === 0 ? '表决通知已送达每一户。' : `表决通知还没有送达 ${p.rooms.length} 户，请上门送达后回复“送达 V编号 房号”：\n${p.rooms.join(' ')}`,
  nudge_voter: (p: { ref: string; title: string; rooms: string[]; deadline: LocalTime; options: number | null }) =>
    `提醒：表决 ${p.ref}（${p.title}）${p.deadline.zh}截止，您家 ${p.rooms.join('、')} 还没有投票。` +
    (p.options === null ? `回复“投票 ${p.ref} 同意 / 反对 / 弃权”。` : `回复“投票 ${p.ref} 选项编号”（1–${p.options}）。`),
  nudge_sent: (p: { ref: string; members: number; households: number; visit: string[] }) =>
    `${p.ref}：已私信提醒 ${p.members} 人（${p.households} 户未投票）。` + (p.visit.length === 0 ? '' : `\n另有 ${p.visit.length} 户无法私信提醒，请上门：\n${p.visit.join(' ')}`),
  nudge_already_today: (p: { ref: string; at: LocalTime }) => `${p.ref} 今天已经提醒过了（${p.at.zh}），每个表决每天最多提醒一次。`,
  notice_visit_recorded: (p: { ref: string; room: string }) => `已记录：${p.ref} 的表决通知已上门送达 ${p.room}。`,
  area_set: (p: { room: string; area: number; before: number | null }) =>
    `已登记 ${p.room} 的专有部分面积：${squareMetres(p.area)} m²` + (p.before !== null && p.before !== p.area ? `（原为 ${squareMetres(p.before)} m²）` : '') + '。已发起的表决仍按发起时的面积计算。',
  area_no_room: (p: { room: string }) => `本小区没有房号 ${p.room}，请核对。`,
  sent_privately: () => '名单已私信发给您。',
  result_header: (p: { ref: string; title: string; matter: 'ordinary' | 'special' | null }) => `表决结果 ${p.ref}：${p.title}${p.matter ? `（${MATTER[p.matter]}）` : ''}`,
  result_participation: (p: { f: Figure; area: boolean; persons: boolean }) =>
    `参与：人数 ${p.f.persons}/${p.f.totalPersons}（${percent(p.f.personsPerMille)}，需三分之二以上，${yes(p.persons)}）；面积 ${squareMetres(p.f.area)}/${squareMetres(p.f.totalArea)} m²（${percent(p.f.areaPerMille)}，需三分之二以上，${yes(p.area)}）`,
  result_choice: (p: { choice: string; persons: number; area: number }) => `${CHOICE[p.choice]}：${p.persons}人，${squareMetres(p.area)} m²`,
  result_majority: (p: { matter: 'ordinary' | 'special'; area: boolean; persons: boolean }) =>
    `${p.matter === 'special' ? '同意须占参与人数和面积均四分之三以上' : '同意须占参与人数和面积均过半数'}：人数${yes(p.persons)}，面积${yes(p.area)}`,
  result_outcome: (p: { valid: boolean; passed: boolean }) => (!p.valid ? '结果：参与不足三分之二，表决无效。' : p.passed ? '结果：通过。' : '结果：未通过。'),
  result_rooms: (p: { rooms: string[] }) => `参与房号（面积 m²）：${p.rooms.join(' ')}`,
  result_poll_option: (p: { n: number; option: string; votes: number }) => `${p.n}. ${p.option}：${p.votes}户`,
  result_poll_outcome: (p: { cast: number; eligible: number; winner: string | null }) => `共投 ${p.cast}/${p.eligible} 户。` + (p.winner ? `过半数选择：${p.winner}。` : '没有选项过半数。'),
  relation_set: (p: { ref: string; room: string; relation: 'owner' | 'tenant' | 'family' | 'designate' }) =>
    p.relation === 'designate' ? `已登记：${p.ref}（${p.room}）受业主委托参加业主表决。` : `已确认 ${p.ref}：${p.room} 的${{ owner: '业主', tenant: '租户', family: '家属' }[p.relation]}。`,
  relation_not_found: (p: { ref: string }) => `没有找到绑定 ${p.ref}，请核对编号（例如：确认业主 B3）。`,
  relation_rejected: (p: { ref: string }) => `${p.ref} 已被驳回，不能登记身份。`,
  notice_council_votes: (p: { lines: string[] }) => ['进行中的表决：', ...p.lines].join('\n'),
  notice_council_vote: (p: { ref: string; title: string; turnout: string; deadline: LocalTime }) => `${p.ref} ${p.title}：${p.turnout}，${p.deadline.zh}截止`,
  notice_council_tasks: (p: { lines: string[] }) => ['会议决议进展：', ...p.lines].join('\n'),
  notice_council_task: (p: { ref: string; text: string; owner: string; due: string; progress: string | null }) => `${p.ref} ${p.text}（${p.owner}，${p.due}前）：${p.progress ?? '未开始'}`,
};
