import type { SurveyQuestion } from '../db/tables/grid.js';
import type { LocalTime } from '../time/local-time.js';

const questionLines = (qs: SurveyQuestion[], free: string | null) =>
  qs.map((q, i) => `${i + 1}. ${q.text}` + (q.kind === 'scale' ? ' (1-5)' : ` (${q.options.map((o, k) => `${k + 1} ${o}`).join(', ')})`)).join('\n') +
  (free ? `\nThen, if you like: ${free}` : '');

/** Surveys, English; same keys as surveyZhHans. */
export const surveyEn = {
  survey_title_required: () => 'Give the survey a title and questions, e.g. /survey new November 1.Cleanliness 2.Repairs 3.Most needed[cleaning/repairs/security] 意见: other ideas 截止12-15',
  survey_questions_required: () => 'Number each question, e.g. 1.Cleanliness 2.Repairs',
  survey_too_many_questions: () => 'Too many questions: at most 10.',
  survey_bad_options: () => 'A choice needs 2 to 9 options separated by "/", e.g. 3.Most needed[cleaning/repairs/security]',
  survey_bad_close: () => 'The closing date is unclear; write it like 截止12-15.',
  survey_scope_unknown: () => 'The scope is unclear: write 范围 8栋 or 范围 第三片区, or leave it out (the whole estate).',
  survey_admins_only: () => 'Only the community admins can start a survey.',
  survey_created: (p: { ref: string; title: string; closes: LocalTime; households: number }) =>
    `Survey ${p.ref} "${p.title}" is out to ${p.households} households, closing ${p.closes.en}.`,
  survey_announce: (p: { ref: string; title: string; questions: SurveyQuestion[]; free: string | null; closes: LocalTime; example: string }) =>
    `[Survey ${p.ref}] ${p.title}\n${questionLines(p.questions, p.free)}\nReply to me privately: "/survey ${p.ref} ${p.example}". One per household; you may change it until ${p.closes.en}.`,
  survey_show: (p: { ref: string; title: string; questions: SurveyQuestion[]; free: string | null; closes: LocalTime; example: string }) =>
    `Survey ${p.ref} "${p.title}" (closes ${p.closes.en}):\n${questionLines(p.questions, p.free)}\nReply "/survey ${p.ref} ${p.example}".`,
  survey_not_found: (p: { ref: string }) => `There is no survey ${p.ref}; please check the number.`,
  survey_closed: (p: { ref: string }) => `Survey ${p.ref} has closed.`,
  survey_not_in_scope: (p: { ref: string; room: string }) => `${p.room} is not asked in survey ${p.ref}.`,
  survey_answer_count: (p: { expected: number }) => `Write ${p.expected} numbers, one per question, e.g. /survey S2 ${Array.from({ length: p.expected }, () => '5').join(' ')}`,
  survey_answer_range: (p: { question: number; max: number }) => `Question ${p.question} takes 1 to ${p.max}.`,
  survey_which_household: (p: { rooms: string }) => `You are bound to several households (${p.rooms}); name one, e.g. /survey S2 ${p.rooms.split('、')[0]} 5 4 5`,
  survey_answered: (p: { ref: string; changed: boolean }) =>
    p.changed ? `Your answer to survey ${p.ref} is updated, thank you!` : `Thank you for answering survey ${p.ref}! You may send it again to change it until it closes.`,
  survey_door_recorded: (p: { ref: string; room: string; changed: boolean; answered: number; households: number }) =>
    `${p.changed ? 'Updated' : 'Recorded'} the door-to-door answer of ${p.room} to survey ${p.ref}. ${p.answered}/${p.households} households answered.`,
  survey_progress_header: (p: { ref: string; title: string; answered: number; households: number; percent: number; closes: LocalTime; open: boolean }) =>
    `Survey ${p.ref} "${p.title}": ${p.answered}/${p.households} households (${p.percent}%), ${p.open ? `closes ${p.closes.en}` : 'closed'}:`,
  survey_progress_line: (p: { name: string; answered: number; households: number; percent: number }) => `${p.name} ${p.answered}/${p.households} (${p.percent}%)`,
  survey_zone_none: () => 'no zone',
  survey_building: (p: { code: string }) => `building ${p.code}`,
  survey_results_header: (p: { ref: string; title: string; answered: number; score: string | null }) =>
    `Survey ${p.ref} "${p.title}" results (${p.answered} households${p.score ? `, overall ${p.score}` : ''}):`,
  survey_results_scale: (p: { n: number; text: string; average: string | null; byZone: string }) => `${p.n}. ${p.text}: ${p.average ?? '—'}${p.byZone ? ` (${p.byZone})` : ''}`,
  survey_results_choice: (p: { n: number; text: string; counts: string }) => `${p.n}. ${p.text}: ${p.counts}`,
  survey_results_free_header: (p: { count: number }) => `${p.count} comments (staff only; phone numbers and rooms hidden):`,
  survey_results_free_hidden: (p: { count: number }) => `${p.count} comments more: see them in a staff group or a private chat.`,
  survey_chase_private: (p: { ref: string; title: string }) => `Hello! Your household has not answered survey ${p.ref} "${p.title}" yet; reply "/survey ${p.ref}" to see the questions.`,
  survey_chased: (p: { ref: string; households: number; members: number; unreachable: number; already: number }) =>
    `Survey ${p.ref}: ${p.households} households have not answered; ${p.members} members reminded privately` +
    (p.already > 0 ? `, ${p.already} reminded already today` : '') +
    (p.unreachable > 0 ? `, ${p.unreachable} households with no member to message (visit them)` : '') + '.',
  survey_staff_only: () => 'Only staff can see survey progress and results.',
};
