import { findRoomCode } from '../../text/room-code.js';
import type { SentenceReader } from '../command-row.js';
import { command } from '../parsed-command.js';

const P = '[\\s,.!~、。]*';
// 网格员你好，… / 王姐您好，…: a greeting before the statement.
const GREETING = new RegExp(`^(?:[^\\s,.!~、。]{0,5}(?:你好|您好|大家好)${P})?`);
const BIND_STATEMENT = /^(?:我是|我住在|我住|我家是|我家住在|我家住|我家在|我家|本人是|本人住在|本人住)\s?/;
const REQUEST = `(?:请|请求|申请|麻烦|麻烦你|麻烦您)?(?:帮我|帮忙|给我)?(?:绑定|绑)(?:房号)?(?:一下|下)?`;
const THANKS = `(?:${P}(?:谢谢|谢谢你|谢谢您|多谢|感谢))?${P}$`;
// After the room: 的 / 业主 / 室, then an optional request (请帮我绑定一下) and thanks, in any politeness.
const BIND_TAIL = new RegExp(`^(?:的|业主|住户|户主|的业主|的住户|的户主|室)?(?:${P}${REQUEST})?${THANKS}`);
// 5栋1单元102绑定: a bare room and the request, with no 我是 before it.
const BARE_TAIL = new RegExp(`^${P}${REQUEST}${THANKS}`);

/** 我是8栋2单元301的, 我家住8栋2单元301室请帮我绑定一下谢谢: a resident saying where they live, read as a bind request. */
export const readBindStatement: SentenceReader<'bind'> = (msg, start) => {
  const greeting = GREETING.exec(msg.folded.slice(start, start + 16));
  const at = start + (greeting?.[0].length ?? 0);
  const lead = BIND_STATEMENT.exec(msg.folded.slice(at, at + 8));
  const from = at + (lead?.[0].length ?? 0);
  const tail = msg.folded.slice(from);
  const found = findRoomCode(tail);
  if (found === null || found.start !== 0 || found.room === null) return null;
  if (!(lead === null ? BARE_TAIL : BIND_TAIL).test(tail.slice(found.end))) return null;
  return command('bind', { room: found.room });
};
