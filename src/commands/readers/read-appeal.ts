import type { ArgumentReader } from '../command-row.js';
import { withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';
import { argsFrom, readUnitArgs, scoringRefAt, textOrNull } from './unit-args.js';

/** 申诉 8-2 理由 (a resident); 复核 A2 维持/改判 理由 (the panel). */
export const readAppeal: ArgumentReader<'appeal'> = (msg, rest) => {
  const at = argsFrom(msg, rest.start);
  const ref = scoringRefAt('A', at.folded);
  if (ref !== null) return withText('appeal', { ref: ref.ref, text: textOrNull(argsFrom(at, ref.end).clean) });
  const u = readUnitArgs(msg, rest);
  if (u === null) return at.folded === '' || rest.slash || /^\d/.test(at.folded) ? usageError('appeal', 'unit_required') : null;
  if (u.after.clean === '') return usageError('appeal', 'text_required', { room: u.unit });
  return withText('appeal', { room: u.unit, text: u.after.clean });
};
