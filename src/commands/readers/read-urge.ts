import { findRoomCode } from '../../text/room-code.js';
import type { ArgumentReader } from '../command-row.js';
import { command, usageError } from '../parsed-command.js';
import { readNoArgs } from './read-no-args.js';

const urgeAll = readNoArgs<'urge'>();

/** 催缴, 催缴 8-2-301 (one household), 催缴 8栋 (a qualifier). */
export const readUrge: ArgumentReader<'urge'> = (msg, rest, how) => {
  const found = findRoomCode(msg.folded.slice(rest.start));
  if (found !== null) return found.room === null ? usageError('urge', 'room_invalid') : command('urge', { room: found.room });
  return urgeAll(msg, rest, how);
};
