import type { MonthName } from '../time/month.js';

/** The property-service company and the committee: roles, the monthly service rating, the trial period. */
export const committeeZhHans = {
  role_property: (p: { company: string | null }) => `${p.company ? `物业服务公司 ${p.company} 的` : ''}物业人员`,
  role_committee: () => '物业管理委员会委员',
  rating_title: (p: { company: string; month: MonthName }) => `${p.company} ${p.month.zh}物业服务评价`,
  rating_q_repairs: () => '维修是否及时',
  rating_q_cleaning: () => '环境卫生',
  rating_q_security: () => '安全秩序',
  rating_q_manner: () => '服务态度',
  rating_free: () => '对物业的意见和建议',
  trial_ended: (p: { company: string; month: MonthName; score: string | null; answered: number; households: number; vote: string | null; noPoll: 'no_group' | 'no_staff' | null }) =>
    [
      `物业服务公司 ${p.company} 试用期（先尝后买）到${p.month.zh}结束。`,
      `${p.month.zh}居民评价：${p.score === null ? '无人作答' : `${p.score}分`}（${p.answered}/${p.households}户作答）。`,
      p.vote !== null
        ? `已发起投票 ${p.vote}，由各户决定是否继续聘用。`
        : p.noPoll === 'no_group'
          ? '小区还没有关联居民群，未能发起续聘投票，请用“发起投票”手动发起。'
          : p.noPoll === 'no_staff'
            ? '小区还没有社区管理员，未能发起续聘投票。'
            : '是否继续聘用，请社区和物业管理委员会商定。',
    ].join('\n'),
  trial_poll_title: (p: { company: string }) => `是否继续聘用 ${p.company} 提供物业服务`,
  trial_poll_continue: () => '继续聘用',
  trial_poll_stop: () => '不再续聘',
  trial_poll_intro: (p: { company: string; month: MonthName; score: string | null }) =>
    `物业服务公司 ${p.company} 的试用期（先尝后买）已满，${p.month.zh}居民评价${p.score === null ? '无人作答' : ` ${p.score}分`}。`,
  report_xlsx_title: (p: { estate: string; month: string; target: number }) => `${p.estate} ${p.month} 考核（每日巡查目标${p.target}分钟）`,
  report_xlsx_workers: () => '网格员',
  report_xlsx_companies: () => '物业服务公司',
  report_xlsx_worker_columns: () => '片区|姓名|巡查达标天数|巡查天数|巡查分钟|自动结束次数|走访户次|受理工单|办结工单|按时办结|平均评价|评价数|入户问卷',
  report_xlsx_company_columns: () => '物业服务公司|工单|办结|按时办结|平均评价|评价数|居民满意度',
  report_xlsx_surveys: () => '问卷',
  report_xlsx_survey_columns: () => '问卷|标题|回收户数|范围户数|其中入户|综合评分',
};
