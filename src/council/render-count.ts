import type { Translator } from '../i18n/translator.js';
import type { Figure } from '../i18n/catalog-council-zh-hans.js';
import { squareMetres } from '../i18n/catalog-council-zh-hans.js';
import type { Vote } from './ballots.js';
import type { DecisionCount } from './owners-decision.js';
import { DECISION_CHOICES } from './owners-decision.js';
import { perMille } from './ratio.js';
import type { VoteCount } from './vote-count.js';

/** Participation as the catalogue shows it. */
export function participationFigure(c: DecisionCount): Figure {
  return {
    persons: c.participating.persons,
    totalPersons: c.total.persons,
    area: c.participating.area,
    totalArea: c.total.area,
    personsPerMille: perMille(c.participating.persons, c.total.persons),
    areaPerMille: perMille(c.participating.area, c.total.area),
  };
}

/** One line of turnout (no choices): what residents may see at any time. */
export function turnoutLine(count: VoteCount, t: Translator['t']): string {
  return count.kind === 'decision' ? t('turnout_decision', { f: participationFigure(count.count), paper: count.paper }) : t('turnout_poll', { cast: count.count.cast, eligible: count.count.eligible, paper: count.paper });
}

/** Per-building turnout lines, for staff. */
export function buildingLines(count: VoteCount, t: Translator['t']): string[] {
  return count.buildings.map((b) => t('turnout_building', { ...b, withArea: count.kind === 'decision' }));
}

/**
 * The published result: per choice persons and area, both participation figures, the thresholds,
 * passed or not; rooms with their areas may be listed (never names), and for a secret ballot
 * never how a room voted.
 */
export function resultText(vote: Vote, count: VoteCount, rooms: { room: string; area: number | null; choice: string }[], t: Translator['t']): string {
  const lines = [t('result_header', { ref: `V${vote.id}`, title: vote.title, matter: vote.matter_class })];
  if (count.kind === 'decision') {
    const c = count.count;
    lines.push(t('result_participation', { f: participationFigure(c), area: c.quorum.area, persons: c.quorum.persons }));
    for (const choice of DECISION_CHOICES) lines.push(t('result_choice', { choice, ...c.byChoice[choice] }));
    lines.push(t('result_majority', { matter: count.matter, area: c.majority.area, persons: c.majority.persons }));
    lines.push(t('result_outcome', { valid: c.quorum.met, passed: c.passed }));
  } else {
    const c = count.count;
    for (const [i, option] of count.options.entries()) lines.push(t('result_poll_option', { n: i + 1, option, votes: c.votes[i] }));
    lines.push(t('result_poll_outcome', { cast: c.cast, eligible: c.eligible, winner: c.winner === null ? null : count.options[c.winner] }));
  }
  if (rooms.length > 0) {
    const options = vote.kind === 'poll' ? vote.options : null;
    const shown = rooms.map((r) => {
      const area = r.area === null || vote.kind === 'poll' ? '' : ` ${squareMetres(r.area)}`;
      return vote.secret ? `${r.room}${area}` : `${r.room}${area} ${t('choice_word', { choice: r.choice, options })}`;
    });
    lines.push(t('result_rooms', { rooms: shown }));
  }
  return lines.join('\n');
}
