import { findRoomCode } from '../../text/room-code.js';
import { FILLER, QUESTION } from '../chatter.js';
import type { ArgumentReader } from '../command-row.js';
import { codePointLength, restFolded } from '../parse-input.js';
import { command, usageError } from '../parsed-command.js';

const STATUS_CHATTER_MAX = 6;

/** 查询, 查询 8-2-301: a household's account, one's own when no room is named. */
export const readStatus: ArgumentReader<'status'> = (msg, rest, how) => {
  const found = findRoomCode(msg.folded.slice(rest.start));
  if (found !== null) return found.room === null ? usageError('status', 'room_invalid') : command('status', { room: found.room });
  if (!how.bare && !rest.slash) return null;
  const folded = restFolded(msg, rest).replace(FILLER, '');
  if (folded === '') return command('status', {});
  if (rest.slash || /^\d/.test(folded) || (rest.separated && /^[a-z0-9#-]/.test(folded))) {
    return usageError('status', 'room_invalid');
  }
  if (codePointLength(folded) <= STATUS_CHATTER_MAX && !QUESTION.test(folded)) return command('status', {});
  return null;
};
