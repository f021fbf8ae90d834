import type { MonthName } from '../time/month.js';

// Names of criteria, bonus and veto items are the estate's own data (its rules), shown as written.

/** 红"栋"力 scoring: simplified Chinese. */
export const scoringZhHans = {
  unit_required: () => '请写上单元，例如：评分 8-2 卫生18 志愿9 文明20',
  sc_rules_head: (p: { month: MonthName }) => `红“栋”力评比规则（${p.month.zh}）：`,
  sc_rules_criteria: (p: { list: string; total: number }) => `评分项目（满分）：${p.list}，合计${p.total}分。`,
  sc_rules_bonuses: (p: { list: string }) => `加分：${p.list}。`,
  sc_rules_vetoes: (p: { list: string }) => `一票否决（当月不参评）：${p.list}。`,
  sc_rules_deductions: (p: { list: string }) => `扣分：${p.list}。`,
  sc_rules_exemptions: (p: { list: string }) => `不扣分：${p.list}。`,
  sc_rules_mean: (p: { trimFrom: number; minPanelists: number }) =>
    `得分为评委平均分；${p.trimFrom}位及以上评委评分时去掉一个最高分和一个最低分；少于${p.minPanelists}位评委评分的单元当月不参评。`,
  sc_rules_flags: (p: { flags: number; tie: string }) => `每月前${p.flags}名单元获流动红旗。同分时依次比较${p.tie}，仍相同则并列，并列者都获红旗。`,
  sc_rules_dates: (p: { closeDay: number; appealDays: number }) => `每月${p.closeDay}日评分截止；结果公布后${p.appealDays}天内，本单元住户可以申诉。`,
  sc_rules_year_end: (p: { top: number; unitPercent: number; headsPercent: number; extra: number }) =>
    `年终：红旗最多的前${p.top}个单元，每户补贴全年费用的${p.unitPercent}%；三长补贴${p.headsPercent}%，表现突出再加${p.extra}%。`,
  sc_rules_scope: (p: { buildings: string }) => `参评楼栋：${p.buildings}。`,
  sc_rules_next: (p: { month: MonthName }) => `规则修改从${p.month.zh}起执行。`,
  sc_panelist_only: () => '这个操作只有评委可以做。',
  sc_private_only: () => '评分请私聊发给我，不要发在群里。本次没有记录。',
  sc_closed: (p: { month: MonthName }) => `${p.month.zh}的评分已截止，不能再改。`,
  sc_unit_unknown: (p: { unit: string }) => `${p.unit} 不在本月的评比范围内，请核对单元。`,
  sc_scores_empty: (p: { example: string }) => `请写上分数，例如：评分 8-2 ${p.example}`,
  sc_scores_unknown: (p: { words: string; names: string }) => `看不懂“${p.words}”。评分项目：${p.names}。`,
  sc_scores_too_high: (p: { name: string; max: number }) => `${p.name}满分${p.max}分，请核对后再发。本次没有记录。`,
  sc_scores_saved: (p: { unit: string; month: MonthName; line: string; total: number | null }) =>
    `已记录您对 ${p.unit} 的${p.month.zh}评分：${p.line}${p.total === null ? '' : `，合计${p.total}分`}。`,
  sc_scores_missing: (p: { names: string }) => `还缺：${p.names}。`,
  sc_scores_left: (p: { count: number }) => (p.count === 0 ? '本月所有单元您都评完了，谢谢！' : `本月还有 ${p.count} 个单元您没有评完。`),
  sc_none_published: () => '还没有公布过评比结果。',
  sc_breakdown_head: (p: { unit: string; month: MonthName }) => `${p.unit} ${p.month.zh}红“栋”力评比：`,
  sc_breakdown_scored: (p: { total: string; rank: number; flag: boolean }) => `得分 ${p.total}，第${p.rank}名${p.flag ? '，获流动红旗🚩' : ''}。`,
  sc_breakdown_vetoed: (p: { items: string }) => `一票否决：${p.items}，本月不参评。`,
  sc_breakdown_unscored: () => '评分的评委不足，本月不参评。',
  sc_breakdown_criteria: (p: { list: string }) => `各项平均：${p.list}。`,
  sc_breakdown_panel: (p: { cards: number; counted: number; trimmed: boolean }) =>
    `${p.cards}位评委评分${p.trimmed ? `，去掉最高分和最低分后取${p.counted}位的平均` : ''}。`,
  sc_breakdown_bonus: (p: { points: string }) => `加分 +${p.points}。`,
  sc_breakdown_deduction: (p: { points: string }) => `扣分 -${p.points}（环境卫生）。`,
  sc_notice_head: (p: { month: MonthName; corrected: boolean }) => `${p.corrected ? '【更正】' : ''}红“栋”力 ${p.month.zh}评比结果`,
  sc_notice_flags: (p: { list: string }) => `🚩流动红旗：${p.list}`,
  sc_notice_no_flags: () => '本月没有单元获流动红旗。',
  sc_notice_ranking: (p: { list: string }) => `排名：${p.list}`,
  sc_notice_vetoed: (p: { list: string }) => `一票否决：${p.list}`,
  sc_notice_appeal: (p: { days: number }) => `对结果有异议，本单元住户可在${p.days}天内发“申诉 单元 理由”。`,
  sc_notice_corrected: (p: { ref: string }) => `根据申诉 ${p.ref} 的复核结果重新公布。`,
  sc_published: (p: { month: MonthName; groups: number }) => `${p.month.zh}评比结果已公布到 ${p.groups} 个群。`,
  sc_not_closed: (p: { month: MonthName }) => `${p.month.zh}的评分还没有截止，截止后才能公布。`,
  sc_already_published: (p: { month: MonthName }) => `${p.month.zh}的评比结果已经公布过了。`,
  sc_nothing_to_publish: () => '现在没有可以公布的评比。',
  sc_evidence_undecided: (p: { refs: string }) => `还有证据没有确认或驳回：${p.refs}。请先处理，例如：证据 E1 确认 理由`,
  sc_evidence_none: (p: { month: MonthName }) => `${p.month.zh}没有需要评委处理的证据。`,
  sc_evidence_head: (p: { month: MonthName }) => `${p.month.zh}的证据（来自本月工单，不会自动计入）：`,
  sc_evidence_line: (p: { ref: string; unit: string; ticket: string; proposal: string; decision: string }) => `${p.ref} ${p.unit}（工单 ${p.ticket}）：${p.proposal} — ${p.decision}`,
  sc_proposal_veto: (p: { item: string }) => `建议一票否决（${p.item}）`,
  sc_proposal_deduction: (p: { points: number }) => `建议环境卫生扣${p.points}分`,
  sc_proposal_exempt: () => '建议不扣分（属于免扣情形）',
  sc_decision_open: () => '待处理',
  sc_decision_confirmed: (p: { reason: string }) => `已确认：${p.reason}`,
  sc_decision_dismissed: (p: { reason: string }) => `已驳回：${p.reason}`,
  sc_evidence_usage: () => '请写：证据 E1 确认 理由，或：证据 E1 驳回 理由',
  sc_evidence_unknown: (p: { ref: string }) => `没有找到证据 ${p.ref}，请核对编号。`,
  sc_evidence_locked: (p: { ref: string }) => `结果已公布，${p.ref} 只有在该单元有待复核的申诉时才能改。`,
  sc_evidence_decided: (p: { ref: string; unit: string; decision: string }) => `证据 ${p.ref}（${p.unit}）${p.decision}。`,
  sc_bonus_unknown: (p: { names: string }) => `没有这个加分项。加分项：${p.names}。`,
  sc_bonus_saved: (p: { unit: string; name: string; points: number; count: number }) => `已为 ${p.unit} 记录加分：${p.name} +${p.points}分（本月共${p.count}项）。`,
  sc_appeal_not_resident: (p: { unit: string }) => `只有 ${p.unit} 已绑定的住户可以为本单元申诉。`,
  sc_appeal_window: () => '现在不在申诉期内（结果公布后才能申诉，过了申诉期不再受理）。',
  sc_appeal_filed: (p: { ref: string; unit: string }) => `已收到申诉 ${p.ref}（${p.unit}），评委会复核并公布结果。`,
  sc_appeal_to_panel: (p: { ref: string; unit: string; month: MonthName; text: string }) =>
    `新申诉 ${p.ref}：${p.unit} 对${p.month.zh}评比结果有异议：“${p.text}”。复核后请回复“复核 ${p.ref} 维持 理由”或“复核 ${p.ref} 改判 理由”。`,
  sc_appeal_usage: () => '请写：复核 A1 维持 理由，或：复核 A1 改判 理由',
  sc_appeal_unknown: (p: { ref: string }) => `没有找到申诉 ${p.ref}，请核对编号。`,
  sc_appeal_done: (p: { ref: string }) => `申诉 ${p.ref} 已经有复核结果了。`,
  sc_appeal_outcome: (p: { ref: string; unit: string; changed: boolean; reason: string }) =>
    `申诉 ${p.ref}（${p.unit}）复核结果：${p.changed ? '改判' : '维持原评'}。理由：${p.reason}`,
  sc_appeal_ranking_same: () => '排名没有变化。',
  sc_remind: (p: { month: MonthName; count: number; closes: string }) =>
    `提醒：${p.month.zh}红“栋”力评分还有 ${p.count} 个单元您没有评完，${p.closes}截止。私聊发“评分 单元 卫生18 志愿9 …”即可。`,
  sc_round_closed: (p: { month: MonthName }) => `${p.month.zh}评分已截止。请确认或驳回证据（发“证据”查看），然后发“公布评比”公布结果。`,
  sc_status_credit: (p: { yuan: string }) => `其中补贴 ${p.yuan}元已抵扣。`,
  sc_sheet_title: (p: { estate: string; month: MonthName; party: string | null; closes: string }) =>
    `${p.estate} 红“栋”力 ${p.month.zh}评分表${p.party ? `（评委：${p.party}）` : ''}，${p.closes}截止。`,
  sc_sheet_howto: () =>
    '填法：在“评分”表里每个单元一行，每项填0到满分的整数，没评的留空；“证据”一列只供参考，不会读入，证据要在聊天里发“证据 E3 确认 理由”处理。加分请私聊发“加分 8-2 考取大学”。',
  sc_party_community: () => '社区',
  sc_party_property: () => '物业',
  sc_party_owners_committee: () => '业委会',
  sc_party_resident_rep: () => '居民代表',
  sc_credit_voided: (p: { ref: string; room: string; yuan: string; correction: string; reason: string | null }) =>
    `已冲正补贴 ${p.ref}：${p.room} 的补贴 ${p.yuan}元已撤回，冲正记录 ${p.correction}，原记录保留${p.reason ? `。原因：${p.reason}` : ''}。`,
  sc_credit_voided_resident: (p: { room: string; ref: string; yuan: string; reason: string | null }) =>
    `您家 ${p.room} 的补贴 ${p.ref}（${p.yuan}元）已冲正${p.reason ? `（${p.reason}）` : ''}，不再抵扣费用。如有疑问请联系网格员。`,
  sc_credit_amend: (p: { ref: string }) => `${p.ref} 是补贴，只能冲正（冲正 ${p.ref} 原因），不能更正金额。`,
  sc_credit_reversal_final: (p: { ref: string }) => `${p.ref} 是补贴的冲正记录，不能再冲正。`,
  sc_credit_note: (p: { ref: string; room: string; plan: string; yuan: string; why: string; reversedBy: string | null; reversal: boolean }) =>
    p.reversal
      ? `【补贴冲正】${p.ref}：${p.room} ${p.plan}补贴 ${p.yuan}元已冲正（${p.why}）。`
      : `【补贴凭证】${p.ref}：${p.room} ${p.plan}补贴 ${p.yuan}元（${p.why}），抵扣应交费用，不是缴费${p.reversedBy ? `。已冲正（${p.reversedBy}）` : ''}。`,
  sc_year_end_notice: (p: { year: number; units: string; plan: string; yuan: string; percent: number; heads: boolean }) =>
    `红“栋”力 ${p.year}年度：流动红旗最多的单元 ${p.units}，每户获${p.plan}补贴 ${p.yuan}元（全年费用的${p.percent}%），已计入台账抵扣应交费用。${p.heads ? '楼栋长、单元长（三长）的补贴也已计入。' : ''}各户可发“查询”查看。`,
  sc_year_end_household: (p: { year: number; room: string; plan: string; yuan: string; ref: string }) =>
    `您家 ${p.room} 获红“栋”力${p.year}年度${p.plan}补贴 ${p.yuan}元（${p.ref}），已抵扣应交费用。发“查询”查看。`,
};
