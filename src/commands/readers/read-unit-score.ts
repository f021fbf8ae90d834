import type { ArgumentReader } from '../command-row.js';
import { command, usageError } from '../parsed-command.js';
import { argsFrom, readUnitArgs } from './unit-args.js';

/** 评比 8-2: a unit's breakdown; 评比 alone: the latest ranking. */
export const readUnitScore: ArgumentReader<'unit_score'> = (msg, rest) => {
  if (argsFrom(msg, rest.start).folded === '') return command('unit_score', {});
  const u = readUnitArgs(msg, rest);
  if (u === null) return rest.slash ? usageError('unit_score', 'unit_required') : null;
  return command('unit_score', { room: u.unit });
};
