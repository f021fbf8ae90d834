import type { ArgumentReader } from '../command-row.js';
import { withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';
import { readUnitArgs, textOrNull } from './unit-args.js';

/**
 * 评分 8-2 卫生18 志愿9 文明20: the unit, and the panelist's words (the estate's rules read them).
 * With no unit it is not a score: null, so the row's `otherwise` (a ticket rating, 评分 T7 5) reads it;
 * a slash /score always means a score.
 */
export const readScore: ArgumentReader<'score'> = (msg, rest) => {
  const u = readUnitArgs(msg, rest);
  if (u === null) return rest.slash ? usageError('score', 'unit_required') : null;
  return withText('score', { room: u.unit, text: textOrNull(u.after.clean) });
};
