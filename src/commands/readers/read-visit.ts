import { findRoomCode } from '../../text/room-code.js';
import type { ArgumentReader, ReadHow } from '../command-row.js';
import { originalText, restAt, restFolded, withText, type ParseInput, type Rest } from '../parse-input.js';
import { command, usageError, type UsageError } from '../parsed-command.js';

/** The room a visit command starts with, or why not; null when the words are chatter. */
function roomFirst(msg: ParseInput, rest: Rest, how: ReadHow<'visit' | 'visits'>): { room: string; end: number } | UsageError | null {
  const folded = restFolded(msg, rest);
  if (folded === '') return usageError(how.intent, 'room_required');
  const found = findRoomCode(msg.folded.slice(rest.start));
  if (found !== null && found.start === 0) {
    return found.room === null ? usageError(how.intent, 'room_invalid') : { room: found.room, end: rest.start + found.end };
  }
  // 走访 8-2-301 …: a visit names its household first; 走访工作很辛苦 is talk about visiting.
  if (rest.slash || /^\d/.test(folded) || how.intent === 'visit') return usageError(how.intent, found === null ? 'room_required' : 'room_invalid');
  return null;
}

/** 走访 8-2-301 老人独居，反映楼道灯坏了: the household visited, then what was learnt there. */
export const readVisit: ArgumentReader<'visit'> = (msg, rest, how) => {
  const read = roomFirst(msg, rest, how);
  if (read === null || 'error' in read) return read;
  const text = originalText(msg, restAt(msg, read.end, true).start);
  if (text === null) return usageError('visit', 'text_required', { room: read.room });
  return withText('visit', { room: read.room, text });
};

/** 走访记录 8-2-301: a household's visits. */
export const readVisits: ArgumentReader<'visits'> = (msg, rest, how) => {
  const read = roomFirst(msg, rest, how);
  if (read === null || 'error' in read) return read;
  return command('visits', { room: read.room });
};
