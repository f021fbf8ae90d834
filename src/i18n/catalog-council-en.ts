import type { LocalTime } from '../time/local-time.js';
import { percent, squareMetres, type CouncilArgError, type councilZhHans, type Figure } from './catalog-council-zh-hans.js';

const CHOICE: Record<string, string> = { yes: 'yes', no: 'no', abstain: 'abstain' };
const MATTER = { ordinary: 'ordinary matter', special: 'special matter' } as const;
const PROPOSAL_STATUS = { open: 'is gathering support', agenda: 'is on a meeting agenda', merged: 'was merged', declined: 'was declined', decided: 'was decided' } as const;
const met = (b: boolean) => (b ? 'met' : 'not met');

const ARG_ERRORS: Record<CouncilArgError, string> = {
  ref_required: 'Please give the reference, e.g. /support Y3 or /ballot V4 yes',
  when_unclear: 'Please write the time like 12月10日 19:00',
  in_past: 'That time has passed; please give a later one.',
  place_required: 'Please give the place, e.g. /meeting 12月10日 19:00 building 8 hall agenda Y3',
  title_required: 'Please say what is decided, e.g. /vote replace the lift of building 8 deadline 12月8日 20:00 8栋',
  options_required: 'Please give 2 to 9 options separated by "/", e.g. /poll drying racks options east/west deadline 12月8日 20:00',
  choice_unclear: 'Please answer yes, no or abstain.',
  room_required: 'Please give the room, e.g. /paper V4 8-2-301 yes',
  owner_required: 'Please say who carries it out, e.g. /resolution M2 drying racks owner property due 12月31日',
  text_required: 'Please write the text.',
  two_refs_required: 'Please give two proposals: /merge Y5 Y3 merges Y5 into Y3.',
  reason_required: 'Please give the reason, e.g. /decline Y5 the fire lane must stay clear',
  area_required: 'Please give the room and its area in m² (at most two decimals), e.g. /area 8-2-301 89.5',
};

/** The residents' council, English. */
export const councilEn = {
  council_arg_error: (p: { error: CouncilArgError }) => ARG_ERRORS[p.error],
  council_bind_first: () => 'Please bind your room first (/bind 8-2-301); once staff confirm it you can propose, support and vote.',
  council_staff_only: () => 'Only grid workers and community staff can open meetings, votes and polls, or enter paper ballots.',
  proposal_created: (p: { ref: string; text: string; threshold: number }) => `Proposal ${p.ref} noted: ${p.text}\nNeighbours reply "/support ${p.ref}"; with ${p.threshold} households it goes on the next meeting's agenda.`,
  proposal_not_found: (p: { ref: string }) => `No proposal ${p.ref}; please check the reference.`,
  proposal_not_open: (p: { ref: string; status: keyof typeof PROPOSAL_STATUS; into?: string | null }) =>
    p.into ? `${p.ref} was merged into ${p.into}; please reply "/support ${p.into}".` : `${p.ref} ${PROPOSAL_STATUS[p.status]}; no more support is needed.`,
  proposal_merge_same: (p: { ref: string }) => `${p.ref} cannot be merged into itself; give two different proposals.`,
  proposal_not_reviewable: (p: { ref: string; status: keyof typeof PROPOSAL_STATUS }) => `${p.ref} ${PROPOSAL_STATUS[p.status]}; it can no longer be merged or declined.`,
  proposal_merged: (p: { from: string; into: string; carried: number; count: number; threshold: number }) =>
    `${p.from} merged into ${p.into}: ${p.carried} households' support carried over; ${p.into} now has ${p.count}` + (p.count >= p.threshold ? ', enough for the agenda.' : ` (${p.threshold} put it on the agenda).`),
  proposal_merged_proposer: (p: { from: string; into: string; text: string }) => `Your proposal ${p.from} is much like ${p.into} and was merged into it: ${p.text}\nYour household's and your neighbours' support now count for ${p.into}.`,
  proposal_declined: (p: { ref: string; reason: string }) => `${p.ref} declined (reason: ${p.reason}); the proposer was told.`,
  proposal_declined_proposer: (p: { ref: string; text: string; reason: string }) => `Your proposal ${p.ref} (${p.text}) was declined. Reason: ${p.reason}\nAsk your grid worker if you have questions.`,
  proposal_supported: (p: { ref: string; count: number; threshold: number }) =>
    p.count >= p.threshold ? `You support ${p.ref}; ${p.count} households do, so it goes on the next meeting's agenda.` : `You support ${p.ref}; ${p.count} households so far (${p.threshold} to reach a meeting).`,
  proposal_support_already: (p: { ref: string; count: number }) => `Your household already supports ${p.ref} (${p.count} households).`,
  proposal_reached_staff: (p: { ref: string; count: number; text: string }) => `Proposal ${p.ref} has ${p.count} households' support and goes on the agenda: ${p.text}\nSchedule it with e.g. /meeting 12月10日 19:00 place agenda ${p.ref}`,
  meeting_scheduled: (p: { ref: string; at: LocalTime; place: string; agenda: { ref: string; text: string }[] }) =>
    [`Round-table meeting ${p.ref}: ${p.at.en} at ${p.place}.`, ...(p.agenda.length > 0 ? ['Agenda:', ...p.agenda.map((a) => `${a.ref} ${a.text}`)] : []), 'All residents welcome; a reminder comes the day before and an hour before.'].join('\n'),
  meeting_unknown_proposals: (p: { refs: string[] }) => `No proposal ${p.refs.join(', ')}; not on the agenda.`,
  meeting_reminder: (p: { ref: string; at: LocalTime; place: string; kind: 'day_before' | 'hour_before'; agenda: string[] }) =>
    `${p.kind === 'day_before' ? 'Tomorrow' : 'In an hour'} (${p.at.en}): round-table meeting ${p.ref} at ${p.place}` + (p.agenda.length > 0 ? `, agenda ${p.agenda.join(' ')}.` : '.'),
  meeting_not_found: (p: { ref: string }) => `No meeting ${p.ref}; please check the reference.`,
  minutes_recorded: (p: { ref: string }) => `Minutes of ${p.ref} recorded. Record each decision with /resolution ${p.ref} text owner property due 12月31日; the weekly notice tracks it.`,
  resolution_recorded: (p: { ref: string; meeting: string; text: string; owner: string; due: string }) => `Decision ${p.ref} (${p.meeting}) recorded: ${p.text}; owner ${p.owner}, due ${p.due}. Report with /progress ${p.ref} …, and /progress ${p.ref} done when finished.`,
  task_not_found: (p: { ref: string }) => `No decision ${p.ref}; please check the reference.`,
  task_progress: (p: { ref: string; progress: string; done: boolean }) => (p.done ? `Decision ${p.ref} done: ${p.progress}` : `Progress of ${p.ref} updated: ${p.progress}`),
  vote_opened_decision: (p: { ref: string; title: string; matter: 'ordinary' | 'special'; scope: string; deadline: LocalTime; households: number; secret: boolean }) =>
    [
      `Owners' decision ${p.ref} (${MATTER[p.matter]}, ${p.scope}, ${p.households} households): ${p.title}`,
      `Deadline ${p.deadline.en}. Owners reply "/ballot ${p.ref} yes", "no" or "abstain"; one vote per household, the last before the deadline counts.${p.secret ? ' Secret ballot.' : ''}`,
      `Valid only if owners with ≥ 2/3 of the floor area and ≥ 2/3 of the owners take part; ${p.matter === 'special' ? 'passes with ≥ 3/4 of participating area and owners' : 'passes with > 1/2 of participating area and owners'}.`,
    ].join('\n'),
  vote_opened_poll: (p: { ref: string; title: string; options: string[]; deadline: LocalTime; secret: boolean; scope: string }) =>
    [`Poll ${p.ref} (${p.scope}): ${p.title}`, ...p.options.map((o, i) => `${i + 1}. ${o}`), `Deadline ${p.deadline.en}. One vote per household: "/ballot ${p.ref} 1".${p.secret ? ' Secret ballot.' : ''}`].join('\n'),
  vote_ballot_notice: (p: { ref: string; title: string; rooms: string[]; deadline: LocalTime; options?: number | null }) =>
    `Ballot notice ${p.ref}: ${p.title}\nYour household ${p.rooms.join(', ')} may vote until ${p.deadline.en}: ` +
    (p.options ? `"/ballot ${p.ref} <option number>" (1–${p.options}).` : `"/ballot ${p.ref} yes / no / abstain".`),
  vote_area_unknown: (p: { count: number; rooms: string[] }) => `${p.count} households have no floor area on the roster (${p.rooms.join(', ')}${p.count > p.rooms.length ? ' …' : ''}); complete the roster before opening an owners' decision.`,
  vote_scope_empty: () => 'No households in that scope; please check the buildings.',
  vote_scope_estate: () => 'whole estate',
  vote_scope_buildings: (p: { codes: string[] }) => p.codes.map((c) => `building ${c}`).join(', '),
  vote_unknown_buildings: (p: { codes: string[] }) => `No building ${p.codes.join(', ')} in this estate.`,
  vote_not_found: (p: { ref: string }) => `No vote ${p.ref}; please check the reference.`,
  vote_closed: (p: { ref: string }) => `${p.ref} is closed; no more ballots.`,
  ballot_not_owner: (p: { ref: string }) => `Only owners confirmed before ${p.ref} opened vote in an owners' decision; tenants and family need the owner's designation.`,
  ballot_not_bound: (p: { ref: string }) => `You have no confirmed binding in the scope of ${p.ref} (confirmed before it opened).`,
  ballot_choice_unclear: (p: { ref: string; options: number | null }) => (p.options === null ? `Please reply "/ballot ${p.ref} yes", "no" or "abstain".` : `Please reply with the option's number, e.g. "/ballot ${p.ref} 1" (1–${p.options}).`),
  ballot_recorded: (p: { ref: string; households: number; changed: boolean; choice: string | null }) =>
    `Ballot received (${p.ref}, ${p.households} household(s)${p.choice ? `: ${p.choice}` : ''})${p.changed ? ', replacing your earlier one' : ''}. The last before the deadline counts.`,
  paper_recorded: (p: { ref: string; room: string; changed: boolean; photo: boolean }) =>
    `Paper ballot of ${p.room} entered (${p.ref})${p.photo ? ', photo kept' : '; please send a photo of the ballot'}${p.changed ? ', replacing its earlier ballot' : ''}.`,
  paper_photo_attached: (p: { ref: string; room: string }) => `Photo of the paper ballot of ${p.room} (${p.ref}) kept.`,
  paper_not_in_scope: (p: { ref: string; room: string }) => `${p.room} is not in the scope of ${p.ref}.`,
  ballot_says: (p: { ref: string; choice: string }) => `/ballot ${p.ref} ${p.choice}`,
  choice_word: (p: { choice: string; options: string[] | null }) => (p.options === null ? CHOICE[p.choice] : `${p.choice}. ${p.options[Number(p.choice) - 1]}`),
  turnout_header: (p: { ref: string; title: string; at: LocalTime }) => `${p.ref} ${p.title}: as of ${p.at.en}`,
  turnout_decision: (p: { f: Figure; paper: number }) =>
    `Owners ${p.f.persons}/${p.f.totalPersons} (${percent(p.f.personsPerMille)}), area ${squareMetres(p.f.area)}/${squareMetres(p.f.totalArea)} m² (${percent(p.f.areaPerMille)}); both need ≥ 2/3` + (p.paper > 0 ? `; ${p.paper} paper ballots` : ''),
  turnout_poll: (p: { cast: number; eligible: number; paper: number }) => `${p.cast}/${p.eligible} households voted` + (p.paper > 0 ? ` (${p.paper} on paper)` : ''),
  turnout_building: (p: { code: string; voted: number; households: number; votedArea: number; area: number; withArea: boolean }) =>
    `building ${p.code} ${p.voted}/${p.households}` + (p.withArea ? ` ${squareMetres(p.votedArea)}/${squareMetres(p.area)} m²` : ''),
  not_voted: (p: { ref: string; rooms: string[] }) => (p.rooms.length === 0 ? `Every room has voted on ${p.ref}.` : `${p.ref}: ${p.rooms.length} rooms not voted:\n${p.rooms.join(' ')}`),
  not_reached: (p: { rooms: string[] }) =>
    p.rooms.length === 0
      ? 'The ballot notice reached every household.'
      : `The ballot notice has not reached ${p.rooms.length} households; deliver it door to door, then reply "/delivered V-ref room":\n${p.rooms.join(' ')}`,
  nudge_voter: (p: { ref: string; title: string; rooms: string[]; deadline: LocalTime; options: number | null }) =>
    `Reminder: vote ${p.ref} (${p.title}) closes ${p.deadline.en}; your household ${p.rooms.join(', ')} has not voted yet. ` +
    (p.options === null ? `Reply "/ballot ${p.ref} yes", "no" or "abstain".` : `Reply "/ballot ${p.ref} <option number>" (1–${p.options}).`),
  nudge_sent: (p: { ref: string; members: number; households: number; visit: string[] }) =>
    `${p.ref}: reminded ${p.members} voters privately (${p.households} households not yet voted).` +
    (p.visit.length === 0 ? '' : `\n${p.visit.length} households cannot be reminded privately; please visit:\n${p.visit.join(' ')}`),
  nudge_already_today: (p: { ref: string; at: LocalTime }) => `${p.ref} was already nudged today (${p.at.en}); once a day per vote.`,
  notice_visit_recorded: (p: { ref: string; room: string }) => `Recorded: the ballot notice of ${p.ref} was delivered to ${p.room} door to door.`,
  area_set: (p: { room: string; area: number; before: number | null }) =>
    `Floor area of ${p.room}: ${squareMetres(p.area)} m²` + (p.before !== null && p.before !== p.area ? ` (was ${squareMetres(p.before)} m²)` : '') + '. Votes already open keep the areas they opened with.',
  area_no_room: (p: { room: string }) => `There is no room ${p.room} in this estate; please check.`,
  sent_privately: () => 'The list was sent to you privately.',
  result_header: (p: { ref: string; title: string; matter: 'ordinary' | 'special' | null }) => `Result of ${p.ref}: ${p.title}${p.matter ? ` (${MATTER[p.matter]})` : ''}`,
  result_participation: (p: { f: Figure; area: boolean; persons: boolean }) =>
    `Taking part: owners ${p.f.persons}/${p.f.totalPersons} (${percent(p.f.personsPerMille)}, ≥ 2/3 needed, ${met(p.persons)}); area ${squareMetres(p.f.area)}/${squareMetres(p.f.totalArea)} m² (${percent(p.f.areaPerMille)}, ≥ 2/3 needed, ${met(p.area)})`,
  result_choice: (p: { choice: string; persons: number; area: number }) => `${CHOICE[p.choice]}: ${p.persons} owners, ${squareMetres(p.area)} m²`,
  result_majority: (p: { matter: 'ordinary' | 'special'; area: boolean; persons: boolean }) =>
    `${p.matter === 'special' ? 'Yes needs ≥ 3/4 of participating owners and area' : 'Yes needs > 1/2 of participating owners and area'}: owners ${met(p.persons)}, area ${met(p.area)}`,
  result_outcome: (p: { valid: boolean; passed: boolean }) => (!p.valid ? 'Outcome: fewer than 2/3 took part; the decision is not valid.' : p.passed ? 'Outcome: passed.' : 'Outcome: not passed.'),
  result_rooms: (p: { rooms: string[] }) => `Rooms that took part (area m²): ${p.rooms.join(' ')}`,
  result_poll_option: (p: { n: number; option: string; votes: number }) => `${p.n}. ${p.option}: ${p.votes}`,
  result_poll_outcome: (p: { cast: number; eligible: number; winner: string | null }) => `${p.cast}/${p.eligible} households voted. ` + (p.winner ? `Majority: ${p.winner}.` : 'No option has a majority.'),
  relation_set: (p: { ref: string; room: string; relation: 'owner' | 'tenant' | 'family' | 'designate' }) =>
    p.relation === 'designate' ? `${p.ref} (${p.room}) recorded as designated by the owner to vote.` : `${p.ref} confirmed: ${p.relation} of ${p.room}.`,
  relation_not_found: (p: { ref: string }) => `No binding ${p.ref}; please check the reference (e.g. /relation B3 owner).`,
  relation_rejected: (p: { ref: string }) => `${p.ref} was rejected; no relation can be recorded.`,
  notice_council_votes: (p: { lines: string[] }) => ['Open votes:', ...p.lines].join('\n'),
  notice_council_vote: (p: { ref: string; title: string; turnout: string; deadline: LocalTime }) => `${p.ref} ${p.title}: ${p.turnout}, closes ${p.deadline.en}`,
  notice_council_tasks: (p: { lines: string[] }) => ['Meeting decisions:', ...p.lines].join('\n'),
  notice_council_task: (p: { ref: string; text: string; owner: string; due: string; progress: string | null }) => `${p.ref} ${p.text} (${p.owner}, due ${p.due}): ${p.progress ?? 'not started'}`,
} satisfies { [K in keyof typeof councilZhHans]: (...a: never[]) => string };
