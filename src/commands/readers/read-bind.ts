import { findRoomCode } from '../../text/room-code.js';
import type { ArgumentReader } from '../command-row.js';
import { restFolded } from '../parse-input.js';
import { command, usageError } from '../parsed-command.js';

// 绑定我家 / 绑定一下房子: clearly about a home, so the room it lacks gets the hint, not silence.
const ABOUT_A_HOME = /^(?:一下|下)?(?:我家|我的房|房号|房子|我们家|住址|门牌)/;

/** 绑定 8-2-301: the household a resident asks to be bound to. */
export const readBind: ArgumentReader<'bind'> = (msg, rest) => {
  const folded = restFolded(msg, rest);
  if (folded === '') return usageError('bind', 'room_required');
  const found = findRoomCode(msg.folded.slice(rest.start));
  if (found !== null && found.room !== null) return command('bind', { room: found.room });
  if (found !== null || rest.slash || rest.separated || /^\d/.test(folded) || ABOUT_A_HOME.test(folded)) {
    return usageError('bind', 'room_invalid');
  }
  return null;
};
