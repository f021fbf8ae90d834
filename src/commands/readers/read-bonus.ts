import type { ArgumentReader } from '../command-row.js';
import { withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';
import { argsFrom, readUnitArgs } from './unit-args.js';

/** 加分 8-2 考取大学: the unit and the note of what earned the bonus. */
export const readBonus: ArgumentReader<'bonus'> = (msg, rest) => {
  const u = readUnitArgs(msg, rest);
  if (u === null) return argsFrom(msg, rest.start).folded === '' || rest.slash ? usageError('bonus', 'unit_required') : null;
  if (u.after.clean === '') return usageError('bonus', 'text_required', { room: u.unit });
  return withText('bonus', { room: u.unit, text: u.after.clean });
};
