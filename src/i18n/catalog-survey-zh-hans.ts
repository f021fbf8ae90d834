import type { SurveyQuestion } from '../db/tables/grid.js';
import type { LocalTime } from '../time/local-time.js';

const questionLines = (qs: SurveyQuestion[], free: string | null) =>
  qs.map((q, i) => `${i + 1}. ${q.text}` + (q.kind === 'scale' ? '（1-5分）' : `（${q.options.map((o, k) => `${k + 1}${o}`).join(' ')}）`)).join('\n') +
  (free ? `\n最后可写：${free}` : '');

/** Surveys (问卷), simplified Chinese. Results carry no names and no rooms; free text goes to staff only. */
export const surveyZhHans = {
  survey_title_required: () => '请写上问卷名称和题目，例如：新建问卷 11月满意度 1.环境卫生 2.维修及时 3.最需要改进[保洁/维修/保安] 意见：其他建议 截止12-15',
  survey_questions_required: () => '请写上题目，每题前加序号，例如：1.环境卫生 2.维修及时',
  survey_too_many_questions: () => '题目太多了，一份问卷最多10题。',
  survey_bad_options: () => '选择题请写2到9个选项，用“/”分开，例如：3.最需要改进[保洁/维修/保安]',
  survey_bad_close: () => '截止日期看不懂，请这样写：截止12-15',
  survey_scope_unknown: () => '范围看不懂：请写“范围 8栋”或“范围 第三片区”，或不写（全小区）。',
  survey_admins_only: () => '只有社区管理员可以发起问卷。',
  survey_created: (p: { ref: string; title: string; closes: LocalTime; households: number }) =>
    `已发布问卷 ${p.ref}《${p.title}》，共${p.households}户，${p.closes.zh}截止。`,
  survey_announce: (p: { ref: string; title: string; questions: SurveyQuestion[]; free: string | null; closes: LocalTime; example: string }) =>
    `【问卷 ${p.ref}】${p.title}\n${questionLines(p.questions, p.free)}\n请私聊我回复“问卷 ${p.ref} ${p.example}”，每户一份，${p.closes.zh}前可重发修改。`,
  survey_show: (p: { ref: string; title: string; questions: SurveyQuestion[]; free: string | null; closes: LocalTime; example: string }) =>
    `问卷 ${p.ref}《${p.title}》（${p.closes.zh}截止）：\n${questionLines(p.questions, p.free)}\n回复“问卷 ${p.ref} ${p.example}”。`,
  survey_not_found: (p: { ref: string }) => `没有找到问卷 ${p.ref}，请核对编号。`,
  survey_closed: (p: { ref: string }) => `问卷 ${p.ref} 已截止，不再收集回答。`,
  survey_not_in_scope: (p: { ref: string; room: string }) => `${p.room} 不在问卷 ${p.ref} 的范围内。`,
  survey_answer_count: (p: { expected: number }) => `请按题目顺序写${p.expected}个数字，例如：问卷 S2 ${Array.from({ length: p.expected }, () => '5').join(' ')}`,
  survey_answer_range: (p: { question: number; max: number }) => `第${p.question}题请写 1 到 ${p.max}。`,
  survey_which_household: (p: { rooms: string }) => `您绑定了多户（${p.rooms}），请写明房号，例如：问卷 S2 ${p.rooms.split('、')[0]} 5 4 5`,
  survey_answered: (p: { ref: string; changed: boolean }) =>
    p.changed ? `已更新您对问卷 ${p.ref} 的回答，谢谢！` : `已收到您对问卷 ${p.ref} 的回答，谢谢！截止前可重新发送修改。`,
  survey_door_recorded: (p: { ref: string; room: string; changed: boolean; answered: number; households: number }) =>
    `已${p.changed ? '更新' : '登记'} ${p.room} 的入户问卷 ${p.ref}。已回收 ${p.answered}/${p.households} 户。`,
  survey_progress_header: (p: { ref: string; title: string; answered: number; households: number; percent: number; closes: LocalTime; open: boolean }) =>
    `问卷 ${p.ref}《${p.title}》回收 ${p.answered}/${p.households} 户（${p.percent}%），${p.open ? `${p.closes.zh}截止` : '已截止'}：`,
  survey_progress_line: (p: { name: string; answered: number; households: number; percent: number }) => `${p.name} ${p.answered}/${p.households}（${p.percent}%）`,
  survey_zone_none: () => '未分片区',
  survey_building: (p: { code: string }) => `${p.code}栋`,
  survey_results_header: (p: { ref: string; title: string; answered: number; score: string | null }) =>
    `问卷 ${p.ref}《${p.title}》结果（${p.answered}户回答${p.score ? `，综合 ${p.score} 分` : ''}）：`,
  survey_results_scale: (p: { n: number; text: string; average: string | null; byZone: string }) =>
    `${p.n}. ${p.text}：${p.average ?? '—'}分${p.byZone ? `（${p.byZone}）` : ''}`,
  survey_results_choice: (p: { n: number; text: string; counts: string }) => `${p.n}. ${p.text}：${p.counts}`,
  survey_results_free_header: (p: { count: number }) => `意见 ${p.count} 条（仅工作人员可见，已隐去电话和房号）：`,
  survey_results_free_hidden: (p: { count: number }) => `另有意见 ${p.count} 条，请在工作群或私聊查看。`,
  survey_chase_private: (p: { ref: string; title: string }) => `您好，问卷 ${p.ref}《${p.title}》您家还没有回答，回复“问卷 ${p.ref}”查看题目，一分钟就好。`,
  survey_chased: (p: { ref: string; households: number; members: number; unreachable: number; already: number }) =>
    `问卷 ${p.ref}：还有${p.households}户未答，已私信提醒${p.members}人` +
    (p.already > 0 ? `，${p.already}人今天已提醒过` : '') +
    (p.unreachable > 0 ? `，${p.unreachable}户没有可私聊的绑定成员（可入户登记）` : '') + '。',
  survey_staff_only: () => '问卷进度和结果只有工作人员可以查看。',
};
