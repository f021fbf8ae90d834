import { findRoomCode } from '../../text/room-code.js';
import type { ArgumentReader } from '../command-row.js';
import { originalText, restAt, withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';
import { readRef } from './read-ref.js';

/**
 * 问卷 S2 5 4 5 很好 (a resident's answer), 问卷 S2 8-2-301 5 4 5 (a door-to-door answer),
 * 问卷 S2 (show the questions): the survey, an optional room, the answers as text (read by the job).
 */
export const readSurveyAnswer: ArgumentReader<'survey-answer'> = (msg, rest, how) => {
  const read = readRef(msg, rest, how, 'S');
  if (read === null || 'error' in read) return read;
  let at = restAt(msg, read.end, true).start;
  const found = findRoomCode(msg.folded.slice(at));
  let room: string | null = null;
  if (found !== null && found.start === 0) {
    if (found.room === null) return usageError('survey-answer', 'room_invalid', { ref: read.ref });
    room = found.room;
    at = restAt(msg, at + found.end, true).start;
  }
  return withText('survey-answer', { ref: read.ref, room, text: originalText(msg, at) });
};
