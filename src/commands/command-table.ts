import type { CommandRow } from './command-row.js';
import type { RecognisedIntent } from './parsed-command.js';
import { readAccountQuestion } from './readers/account-question.js';
import { readBindStatement } from './readers/bind-statement.js';
import { readHowtoQuestion, readHowtoSlash } from './readers/howto-question.js';
import { readBind } from './readers/read-bind.js';
import { readCollect } from './readers/read-collect.js';
import { readComplaint } from './readers/read-complaint.js';
import { readHelp } from './readers/read-help.js';
import { readInvitationCode } from './readers/read-invitation-code.js';
import { readNoArgs } from './readers/read-no-args.js';
import { readPaid } from './readers/read-paid.js';
import { readRating } from './readers/read-rating.js';
import { refOnly, refWithNote } from './readers/read-ref.js';
import { readReminder } from './readers/read-reminder.js';
import { readStatus } from './readers/read-status.js';
import { readTickets } from './readers/read-tickets.js';
import { readUnpaid } from './readers/read-unpaid.js';
import { readUrge } from './readers/read-urge.js';
import { readPayClaim } from './readers/pay-claim.js';
import { readProblemReport } from './readers/problem-report.js';
import { readChainPost, readChainSlash } from './readers/chain-post.js';
import { readAppeal } from './readers/read-appeal.js';
import { readBonus } from './readers/read-bonus.js';
import { readEvidence } from './readers/read-evidence.js';
import { readScore } from './readers/read-score.js';
import { readUnitScore } from './readers/read-unit-score.js';
import { readAmend } from './readers/read-amend.js';
import { readConfirm } from './readers/read-confirm.js';
import { readBallot, readCouncil, readCouncilLed, readRelation } from './readers/read-council.js';
import { readAlone } from './readers/read-alone.js';
import { readReportMonth } from './readers/read-report-month.js';
import { readRequiredText } from './readers/read-required-text.js';
import { readSurveyAnswer } from './readers/read-survey-answer.js';
import { readVisit, readVisits } from './readers/read-visit.js';

/**
 * THE command table: one row per intent, with every way to say it (see CommandRow) and the
 * reader of its arguments. The keyword index and the slash names are built from it; the
 * compiler asks for a row for every intent in IntentGuarantees. Rows with a `sentence`
 * reader are tried in this order when a message starts with no keyword.
 */
export const COMMAND_TABLE: { readonly [I in RecognisedIntent]: CommandRow<I> } = {
  help: {
    words: ['帮助', '菜单', '功能', '怎么用', '使用说明', '说明', '指令', '命令', '?'],
    traditional: ['選單'], // Taiwan's word for 菜单
    english: ['help', 'menu'],
    slash: ['help', 'start'],
    read: readHelp,
  },
  // #接龙 卫生费已交 + numbered lines: first, so a header saying 已交 is never read as one payment claim.
  chain: { words: [], slash: ['chain'], read: readChainSlash, sentence: readChainPost },
  // 怎么交费: asks how, so it comes before the account question (怎么查我家交了没有) and the claim.
  howto: { words: [], slash: ['howto'], read: readHowtoSlash, sentence: readHowtoQuestion },
  // 我家交到几月了: a question about one's account; before pay, so 查一下我家交了多少 is no claim.
  status: {
    words: ['查询', '查账', '缴费查询', '查缴费', '缴费记录', '缴费情况', '我的缴费', '查看缴费'],
    traditional: ['檢視繳費'],
    weak: ['查一下', '查下', '查查'],
    slash: ['status'],
    read: readStatus,
    sentence: readAccountQuestion,
  },
  // 已交60元 anywhere in a sentence; before bind, so a claim is never read as a statement of address.
  pay: { words: [], slash: ['paid', 'pay'], read: readPaid, sentence: readPayClaim },
  // Taiwan's 繫結 / 檢視 / 設定 / 新增 are other words, not other characters: folding cannot find them.
  bind: {
    words: ['绑定房号', '绑定', '登记房号', '认证房号'],
    traditional: ['繫結房號', '繫結'],
    slash: ['bind'],
    read: readBind,
    sentence: readBindStatement,
  },
  confirm: { words: ['确认'], weak: ['通过', '核实'], slash: ['confirm'], read: readConfirm },
  reject: { words: ['驳回'], weak: ['拒绝', '退回', '不通过'], slash: ['reject'], read: refWithNote('PB') },
  collect: {
    words: ['收费', '收款', '记账', '登记缴费'],
    // Not 收到/收了: "收到，我家8-2-301已交60元" is a resident's claim, not staff recording one.
    weak: ['代收'],
    slash: ['collect'],
    read: readCollect,
  },
  unpaid: {
    words: ['欠费名单', '未交名单', '未缴名单', '欠费列表', '欠费清单', '欠费户', '未缴费名单', '未交费名单'],
    // Not 未交 alone: it is the usual answer to "交了吗".
    weak: ['欠费', '欠缴'],
    slash: ['unpaid'],
    read: readUnpaid,
  },
  complain: { words: ['投诉', '报修', '反映', '反应', '举报', '报障'], slash: ['complain'], read: readComplaint },
  accept: { words: ['受理'], weak: ['接单', '认领'], slash: ['accept'], read: refOnly('T') },
  resolve: {
    words: ['办结', '结单'],
    weak: ['完成', '已完成', '已解决', '解决', '已处理', '处理完成'],
    slash: ['resolve'],
    read: refWithNote('T'),
  },
  rate: { words: ['评价'], weak: ['打分'], slash: ['rate'], read: readRating },
  tickets: {
    words: ['工单', '工单列表', '查看工单', '我的工单', '工单查询', '查工单', '所有工单'],
    traditional: ['檢視工單'],
    slash: ['tickets', 'ticket'],
    read: readTickets,
  },
  remind: {
    words: ['提醒', '设置提醒', '添加提醒', '新建提醒', '定时提醒'],
    traditional: ['設定提醒', '新增提醒'],
    slash: ['remind'],
    read: readReminder,
  },
  reminders: {
    words: ['提醒列表', '查看提醒', '我的提醒', '所有提醒', '全部提醒'],
    traditional: ['檢視提醒'],
    slash: ['reminders'],
    read: readNoArgs(),
  },
  cancel: { words: ['取消提醒', '删除提醒'], weak: ['取消'], slash: ['cancel'], read: refOnly('R') },
  urge: { words: ['催缴', '催费', '催交', '一键催缴', '催款'], slash: ['urge'], read: readUrge },
  tally: { words: ['统计', '今日统计', '每日统计', '日统计', '台账', '汇总', '今日汇总'], slash: ['tally'], read: readNoArgs() },
  notice: { words: ['公示', '发公示', '发布公示', '本周公示', '周公示'], slash: ['notice'], read: readNoArgs() },
  claim: { words: ['邀请码', '关联本群', '关联群'], slash: ['claim', 'link'], read: readInvitationCode },
  login: { words: ['登录', '登陆', '登入', '网页登录'], english: ['login'], slash: ['login'], read: readNoArgs() },
  // 红"栋"力. 评分 8-2 卫生18 … is a panelist's score; 评分 T7 5 (no unit) stays a ticket rating.
  score: { words: ['评分'], slash: ['score'], read: readScore, otherwise: 'rate' },
  scoring_rules: { words: ['评比规则', '评分规则', '红栋力规则'], slash: ['rules'], read: readNoArgs() },
  unit_score: { words: ['评比', '评比结果', '红栋力'], slash: ['standing'], read: readUnitScore },
  appeal: { words: ['申诉', '复核'], slash: ['appeal'], read: readAppeal },
  evidence: { words: ['证据', '评比证据'], slash: ['evidence'], read: readEvidence },
  bonus: { words: ['加分'], slash: ['bonus'], read: readBonus },
  publish_scores: { words: ['公布评比', '评比公布', '发布评比'], slash: ['publish'], read: readNoArgs() },
  // 冲正 P12 记错了: reverse a ledger entry (a new row; the original stays).
  void: { words: ['冲正', '冲销', '作废'], slash: ['void'], read: refWithNote('P') },
  // 更正 P12 30: replace an entry's amount (a new row that reverses and rebooks it).
  amend: { words: ['更正', '改正'], slash: ['amend', 'correct'], read: readAmend },
  // 确认收费: yes to the duplicate guard's question; books the collection it held back.
  rebook: { words: ['确认收费', '确认再收', '确定收费'], slash: ['again'], read: readNoArgs() },
  receipt: { words: ['收据', '电子收据', '补发收据'], slash: ['receipt'], read: refOnly('P') },
  pending: { words: ['待确认', '待审核', '待确认列表', '待处理缴费'], slash: ['pending'], read: readNoArgs() },
  // 导出台账: the 台账 as an .xlsx, sent privately to staff (it holds residents' names).
  'export-ledger': { words: ['导出台账', '台账导出', '下载台账', '导出账本', '导出缴费记录'], english: ['export ledger'], slash: ['export'], read: readNoArgs() },
  // The council (src/council/): proposals, meetings and their decisions, votes and ballots.
  propose: { words: ['提议', '提案'], slash: ['propose'], read: readCouncil(false) },
  support: { words: ['附议'], slash: ['support'], read: readCouncil(true) },
  meeting: { words: ['会议', '圆桌会议', '议事会', '召开会议'], slash: ['meeting'], read: readCouncil(false) },
  minutes: { words: ['纪要', '会议纪要'], slash: ['minutes'], read: readCouncil(true) },
  resolution: { words: ['决议'], slash: ['resolution'], read: readCouncil(true) },
  progress: { words: ['进展', '决议进展'], slash: ['progress'], read: readCouncil(true) },
  vote: { words: ['表决', '发起表决'], slash: ['vote'], read: readCouncil(false) },
  poll: { words: ['发起投票'], slash: ['poll'], read: readCouncil(false) },
  ballot: { words: ['投票'], slash: ['ballot'], read: readBallot },
  paper: { words: ['代录', '录入选票'], slash: ['paper'], read: readCouncil(true) },
  notvoted: { words: ['未投票', '没投票', '未投票名单'], slash: ['notvoted'], read: readCouncil(true) },
  relation: { words: ['确认业主', '确认租户', '确认家属', '委托投票'], slash: ['relation'], read: readRelation },
  'merge-proposal': { words: ['合并提议', '合并'], slash: ['merge'], read: readCouncilLed('Y') },
  'decline-proposal': { words: ['不采纳', '不予采纳', '驳回提议'], slash: ['decline'], read: readCouncilLed('Y') },
  'nudge-voters': { words: ['催投票', '催票', '提醒投票'], slash: ['nudge'], read: readCouncilLed('V') },
  'notice-delivered': { words: ['送达', '已送达', '上门送达'], slash: ['delivered'], read: readCouncilLed('V') },
  'floor-area': { words: ['面积', '登记面积', '专有面积'], slash: ['area'], read: readCouncilLed(null) },
  // The grid worker's day (src/grid). `/patrol start` is read as /patrolstart (see readSlash).
  'patrol-start': { words: ['开始巡查', '巡查开始', '开始巡逻', '开始巡检'], slash: ['patrolstart', 'patrolbegin'], read: readAlone() },
  'patrol-stop': { words: ['结束巡查', '巡查结束', '结束巡逻', '巡查完毕', '结束巡检'], slash: ['patrolstop', 'patrolend'], read: readAlone() },
  'patrol-status': { words: ['今日巡查', '巡查情况', '巡查时长', '我的巡查'], slash: ['patrol', 'patrolstatus'], read: readAlone() },
  'patrol-note': { words: ['巡查发现', '巡查记录'], slash: ['patrolnote'], read: readRequiredText() },
  'to-ticket': { words: ['转工单', '转为工单', '转成工单'], slash: ['toticket'], read: readAlone() },
  visit: { words: ['走访', '民情日志', '入户走访'], slash: ['visit'], read: readVisit },
  visits: { words: ['走访记录', '走访查询', '民情日志查询'], slash: ['visits'], read: readVisits },
  // Surveys (src/survey): S2 is a survey's ref.
  'survey-new': { words: ['新建问卷', '发起问卷', '创建问卷'], slash: ['surveynew'], read: readRequiredText() },
  'survey-answer': { words: ['问卷', '答卷', '填问卷'], slash: ['survey', 'answer'], read: readSurveyAnswer },
  'survey-progress': { words: ['问卷进度', '问卷回收', '回收率'], slash: ['surveyprogress'], read: refOnly('S') },
  'survey-results': { words: ['问卷结果', '问卷统计'], slash: ['surveyresults'], read: refOnly('S') },
  'survey-chase': { words: ['催问卷', '问卷催办', '提醒答卷'], slash: ['surveychase'], read: refOnly('S') },
  // 我家楼上漏水，滴到厨房了: a problem with no keyword, offered as a ticket; the last sentence reader,
  // so a payment claim or a statement of address is never read as one. No keyword; /problem <text> reads the same way.
  offer: { words: [], slash: ['problem'], read: (msg, rest) => readProblemReport(msg, rest.start), sentence: readProblemReport },
  // The monthly performance report (src/performance), to admins and the committee.
  report: { words: ['月报', '月度考核', '考核月报', '绩效月报'], slash: ['report'], read: readReportMonth },
};
