import { findRoomCode } from '../../text/room-code.js';
import type { SentenceReader } from '../command-row.js';
import { command } from '../parsed-command.js';

const BIND_STATEMENT = /^(?:我是|我住在|我住|我家是|我家住在|我家住|我家在|我家|本人是|本人住)\s?/;
const BIND_TAIL = /^(?:的|业主|住户|户主|的业主|的住户|的户主|室)?(?:[\s,.!~、。]*(?:请绑定|绑定一下|谢谢))?[\s,.!~、。]*$/;

/** 我是8栋2单元301的: a resident saying where they live, read as a bind request. */
export const readBindStatement: SentenceReader<'bind'> = (msg, start) => {
  const lead = BIND_STATEMENT.exec(msg.folded.slice(start, start + 8));
  if (lead === null) return null;
  const from = start + lead[0].length;
  const tail = msg.folded.slice(from);
  const found = findRoomCode(tail);
  if (found === null || found.start !== 0 || found.room === null) return null;
  if (!BIND_TAIL.test(tail.slice(found.end))) return null;
  return command('bind', { room: found.room });
};
