import { describe, expect, it } from 'vitest';
import { autoCloseAt, patrolMinutes, totalMinutes } from '../src/grid/patrol-minutes.js';
import { reportMonth } from '../src/performance/report-month.js';
import { readSurveyAnswer } from '../src/survey/survey-answer.js';
import { parseSurveyDefinition } from '../src/survey/survey-definition.js';
import { averageHundredths, hundredths, percent, questionResults, surveyScore } from '../src/survey/survey-figures.js';
import { surveyClosesAt } from '../src/survey/survey-period.js';
import { maskFreeText } from '../src/survey/mask-free-text.js';
import { parseCommand } from '../src/commands/parse.js';

const at = (s: string) => new Date(s);

describe('patrol minutes', () => {
  it('counts whole minutes, up to now while open, never past the bound', () => {
    const start = at('2026-12-01T01:00:00Z');
    expect(patrolMinutes({ startedAt: start, endedAt: at('2026-12-01T02:05:59Z') }, start, 240)).toBe(65);
    expect(patrolMinutes({ startedAt: start, endedAt: null }, at('2026-12-01T01:30:00Z'), 240)).toBe(30);
    expect(patrolMinutes({ startedAt: start, endedAt: null }, at('2026-12-01T09:00:00Z'), 240)).toBe(240);
    expect(patrolMinutes({ startedAt: start, endedAt: at('2026-12-01T00:00:00Z') }, start, 240)).toBe(0);
    expect(totalMinutes([{ startedAt: start, endedAt: at('2026-12-01T01:40:00Z') }, { startedAt: at('2026-12-01T03:00:00Z'), endedAt: at('2026-12-01T03:25:00Z') }], start, 240)).toBe(65);
    expect(autoCloseAt(start, 240).toISOString()).toBe('2026-12-01T05:00:00.000Z');
  });
});

describe('survey definitions and answers', () => {
  it('reads a survey written in one message', () => {
    const d = parseSurveyDefinition('12月满意度 1.环境卫生 2、维修及时 3.最需要改进[保洁/维修/保安] 意见：其他建议 截止12-15 范围第三片区');
    expect(d).toEqual({
      title: '12月满意度',
      questions: [{ text: '环境卫生', kind: 'scale' }, { text: '维修及时', kind: 'scale' }, { text: '最需要改进', kind: 'choice', options: ['保洁', '维修', '保安'] }],
      freeText: '其他建议',
      closesOn: { year: null, month: 12, day: 15 },
      scope: { kind: 'zone', code: '3' },
    });
    expect(parseSurveyDefinition('调查 1.卫生 范围8栋')).toMatchObject({ scope: { kind: 'building', code: '8' }, freeText: null, closesOn: null });
    expect(parseSurveyDefinition('1.卫生')).toEqual({ error: 'survey_title_required' });
    expect(parseSurveyDefinition('只有标题')).toEqual({ error: 'survey_questions_required' });
    expect(parseSurveyDefinition('t 1.a[x]')).toEqual({ error: 'survey_bad_options' });
    expect(parseSurveyDefinition('t 1.a 截止13-01')).toEqual({ error: 'survey_bad_close' });
  });

  it('reads answers as numbers, then free text, checking each against its question', () => {
    const qs = [{ text: 'a', kind: 'scale' as const }, { text: 'b', kind: 'scale' as const }, { text: 'c', kind: 'choice' as const, options: ['x', 'y'] }];
    expect(readSurveyAnswer('5 4 2 很好', qs, true)).toEqual({ scores: [5, 4, 2], freeText: '很好' });
    expect(readSurveyAnswer('5,4，1', qs, true)).toEqual({ scores: [5, 4, 1], freeText: null });
    expect(readSurveyAnswer('541', qs, false)).toEqual({ scores: [5, 4, 1], freeText: null });
    expect(readSurveyAnswer('５ ４ １', qs, false)).toEqual({ scores: [5, 4, 1], freeText: null });
    expect(readSurveyAnswer('5 4 1 很好', qs, false)).toEqual({ scores: [5, 4, 1], freeText: null });
    expect(readSurveyAnswer('5 4', qs, true)).toEqual({ error: 'survey_answer_count', expected: 3 });
    expect(readSurveyAnswer('5 4 3', qs, true)).toEqual({ error: 'survey_answer_range', question: 3, max: 2 });
    expect(readSurveyAnswer('0 4 1', qs, true)).toEqual({ error: 'survey_answer_range', question: 1, max: 5 });
  });

  it('computes rates and averages in integers', () => {
    expect(percent(2, 3)).toBe(66);
    expect(percent(0, 0)).toBe(0);
    expect(averageHundredths([5, 4, 4])).toBe(433);
    expect(averageHundredths([4, 5])).toBe(450);
    expect(averageHundredths([1, 2, 2])).toBe(167);
    expect(averageHundredths([])).toBeNull();
    expect(hundredths(405)).toBe('4.05');
    const r = questionResults([{ text: 'a', kind: 'scale' }, { text: 'c', kind: 'choice', options: ['x', 'y'] }], [[4, 1], [5, 1], [3, 2]]);
    expect(r).toEqual([{ kind: 'scale', average: 400, count: 3 }, { kind: 'choice', counts: [2, 1], count: 3 }]);
    expect(surveyScore(r)).toBe(400);
  });

  it('closes at the local midnight after the closing day, next year when the day has passed', () => {
    const now = at('2026-12-02T02:00:00Z');
    expect(surveyClosesAt({ year: null, month: 12, day: 15 }, now, 'Asia/Shanghai').toISOString()).toBe('2026-12-15T16:00:00.000Z');
    expect(surveyClosesAt({ year: null, month: 1, day: 10 }, now, 'Asia/Shanghai').toISOString()).toBe('2027-01-10T16:00:00.000Z');
    expect(surveyClosesAt(null, now, 'Asia/Shanghai').toISOString()).toBe('2026-12-16T16:00:00.000Z');
  });

  it('masks phone numbers and rooms in comments', () => {
    expect(maskFreeText('我是8-2-301的，电话13812345678 @所有人')).toBe('我是***的，电话138****5678 ＠所有人');
  });
});

describe('grid commands', () => {
  it('parses the words, their traditional forms and the slash commands', () => {
    const intent = (s: string) => parseCommand(s).intent;
    expect(intent('开始巡查')).toBe('patrol-start');
    expect(intent('開始巡查')).toBe('patrol-start');
    expect(intent('结束巡查。')).toBe('patrol-stop');
    expect(intent('开始巡查了吗')).toBe('none');
    expect(intent('/patrol start')).toBe('patrol-start');
    expect(intent('/patrol stop')).toBe('patrol-stop');
    expect(intent('/patrol')).toBe('patrol-status');
    expect(intent('走訪記錄 8-2-301')).toBe('visits');
    expect(intent('問卷進度 S2')).toBe('survey-progress');
    expect(parseCommand('走访 8栋2单元301 老人独居')).toMatchObject({ intent: 'visit', room: '8-2-301', text: '老人独居' });
    expect(parseCommand('问卷 S2 8-2-301 5 4 5')).toMatchObject({ intent: 'survey-answer', ref: 'S2', room: '8-2-301', text: '5 4 5' });
    expect(parseCommand('/survey S2 5 5')).toMatchObject({ intent: 'survey-answer', ref: 'S2', text: '5 5' });
    expect(parseCommand('巡查发现')).toMatchObject({ intent: 'patrol-note', error: 'text_required' });
    expect(parseCommand('走访')).toMatchObject({ intent: 'visit', error: 'room_required' });
    expect(parseCommand('月报 2026-11')).toMatchObject({ intent: 'report', text: '2026-11' });
    expect(intent('月报怎么看')).toBe('none');
    expect(intent('投诉 楼道灯坏了')).toBe('complain');
    expect(intent('/patrol_start')).toBe('patrol-start');
    expect(intent('/patrol note 9栋消防通道堆了自行车')).toBe('patrol-note');
    expect(intent('/survey progress S2')).toBe('survey-progress');
    expect(intent('/patrolstop')).toBe('patrol-stop');
    expect(intent('提醒答卷 S2')).toBe('survey-chase');
    expect(parseCommand('问卷 S2 8-2-301 5 4 5 很好')).toMatchObject({ room: '8-2-301', text: '5 4 5 很好' });
    expect(parseCommand('月报 十一月')).toMatchObject({ intent: 'report', text: '十一月' });
    expect(parseCommand('问卷调查什么时候结束').intent).toBe('none');
  });

  it('reads report months', () => {
    const now = at('2026-12-02T02:00:00Z');
    expect(reportMonth(null, now, 'Asia/Shanghai')).toBe('2026-12');
    expect(reportMonth('上月', now, 'Asia/Shanghai')).toBe('2026-11');
    expect(reportMonth('2026年10月', now, 'Asia/Shanghai')).toBe('2026-10');
    expect(reportMonth('11月', now, 'Asia/Shanghai')).toBe('2026-11');
    expect(reportMonth('十一月', now, 'Asia/Shanghai')).toBe('2026-11');
    expect(reportMonth('13月', now, 'Asia/Shanghai')).toBeNull();
  });
});
