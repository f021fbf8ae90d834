import { findRoomCode } from '../../text/room-code.js';
import type { ArgumentReader } from '../command-row.js';
import { restFolded } from '../parse-input.js';
import { command, usageError } from '../parsed-command.js';

/** 绑定 8-2-301: the household a resident asks to be bound to. */
export const readBind: ArgumentReader<'bind'> = (msg, rest) => {
  const folded = restFolded(msg, rest);
  if (folded === '') return usageError('bind', 'room_required');
  const found = findRoomCode(msg.folded.slice(rest.start));
  if (found !== null && found.room !== null) return command('bind', { room: found.room });
  if (found !== null || rest.slash || rest.separated || /^\d/.test(folded)) return usageError('bind', 'room_invalid');
  return null;
};
