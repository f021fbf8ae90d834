import type { ArgumentReader } from '../command-row.js';
import { withText } from '../parse-input.js';
import { command, usageError } from '../parsed-command.js';
import { argsFrom, readUnitArgs, scoringRefAt, textOrNull } from './unit-args.js';

/** 证据 (the month's evidence), 证据 8-2, 证据 E3 确认/驳回 理由. */
export const readEvidence: ArgumentReader<'evidence'> = (msg, rest) => {
  const at = argsFrom(msg, rest.start);
  if (at.folded === '') return command('evidence', {});
  const ref = scoringRefAt('E', at.folded);
  if (ref !== null) return withText('evidence', { ref: ref.ref, text: textOrNull(argsFrom(at, ref.end).clean) });
  const u = readUnitArgs(msg, rest);
  if (u !== null) return command('evidence', { room: u.unit });
  return rest.slash ? usageError('evidence', 'ref_invalid') : null;
};
