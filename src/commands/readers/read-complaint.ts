import { findRoomCode } from '../../text/room-code.js';
import { COMPLAIN_CHATTER, isShortQuestion, startsWithAny } from '../chatter.js';
import type { ArgumentReader } from '../command-row.js';
import { originalText, restFolded, withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';

// 投诉一下：… / 反映个问题 … : words before the complaint proper.
const COMPLAIN_FILLER = /^(?:一下|一个问题|个问题|一个情况|个情况)[\s,.!~、。:]*/;

/** 投诉 楼道堆放杂物: the complaint body as the user wrote it, and the room it names. */
export const readComplaint: ArgumentReader<'complain'> = (msg, rest) => {
  let start = rest.start;
  if (!rest.slash) {
    const folded = restFolded(msg, rest);
    if (!rest.separated && startsWithAny(folded, COMPLAIN_CHATTER)) return null;
    if (isShortQuestion(folded)) return null;
    const filler = COMPLAIN_FILLER.exec(msg.folded.slice(start, start + 8));
    if (filler !== null) start += filler[0].length;
  }
  const text = originalText(msg, start);
  if (text === null || restFolded(msg, { ...rest, start }) === '') return usageError('complain', 'text_required');
  const room = findRoomCode(msg.folded.slice(start))?.room ?? null;
  return withText('complain', { room, text });
};
