import { readUnitCode } from '../../text/unit-code.js';
import type { ParseInput, Rest } from '../parse-input.js';

// What the 红"栋"力 readers share: a unit (8-2, 8栋2单元) or a scoring ref (E3, A2) where the
// arguments start, and the user's own words after it.

const TRAILING = /[\s,.!~、。;:)」』》\]】]+$/;
const LEADING = /^[\s,.:;、，。：；]+/;

/** The arguments from `from` on, as clean and folded text, leading separators and trailing punctuation cut. */
export function argsFrom(msg: ParseInput, from: number): ParseInput {
  const lead = LEADING.exec(msg.folded.slice(from))?.[0].length ?? 0;
  return { ...msg, clean: msg.clean.slice(from + lead).replace(TRAILING, ''), folded: msg.folded.slice(from + lead).replace(TRAILING, '') };
}

/** A unit code where the arguments start, and what follows it; null when none is there. */
export function readUnitArgs(msg: ParseInput, rest: Rest): { unit: string; after: ParseInput } | null {
  const at = argsFrom(msg, rest.start);
  const hit = readUnitCode(at.folded);
  if (hit === null) return null;
  return { unit: hit.code, after: argsFrom(at, hit.end) };
}

/** A scoring ref (E3, #a 2) at the start of folded arguments: the normalised ref and where it ends. */
export function scoringRefAt(letter: 'E' | 'A', folded: string): { ref: string; end: number } | null {
  const m = new RegExp(`^#?${letter.toLowerCase()}\\s?(\\d{1,9})(?!\\d)`).exec(folded);
  return m === null ? null : { ref: `${letter}${Number(m[1])}`, end: m[0].length };
}

/** The free text after the arguments read so far, or null when there is none. */
export function textOrNull(t: string): string | null {
  return t === '' ? null : t;
}
