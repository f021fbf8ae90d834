import type { ArgumentReader } from '../command-row.js';
import { restFolded, withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';

const CODE_RE = /^([a-z0-9]{6,12})(?![a-z0-9])/;

/** 邀请码 K7P2Q9MX: a one-time invitation code from `linli invite` (a role, or linking this group). */
export const readInvitationCode: ArgumentReader<'claim'> = (msg, rest) => {
  const folded = restFolded(msg, rest);
  const m = CODE_RE.exec(folded);
  if (m === null) return rest.slash || folded === '' ? usageError('claim', 'code_required') : null;
  return withText('claim', { text: m[1].toUpperCase() });
};
