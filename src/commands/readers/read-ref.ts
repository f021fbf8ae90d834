import type { ArgumentReader, ReadHow } from '../command-row.js';
import { originalText, restAt, restFolded, withText, type ParseInput, type Rest } from '../parse-input.js';
import { command, usageError, type IntentGuarantees, type UsageError } from '../parsed-command.js';

const REF_RE = /#?\s?([pbtrs])\s?(\d{1,12})(?!\d)/y;

/** A reference (P12, #b3, t 7, S2) at an index of folded text. */
export interface RefAt {
  /** Null: shaped like a ref but the number is impossible. */
  ref: string | null;
  letter: string;
  end: number;
}

/** The reference starting exactly at `index`, or null. */
export function refAt(folded: string, index: number): RefAt | null {
  REF_RE.lastIndex = index;
  const m = REF_RE.exec(folded);
  if (m === null) return null;
  const digits = m[2].replace(/^0+/, '');
  const letter = m[1].toUpperCase();
  const ok = digits.length > 0 && digits.length <= 9;
  return { ref: ok ? `${letter}${digits}` : null, letter, end: index + m[0].length };
}

/** Arguments that start like a ref (#…, a digit, P 1): a bad ref rather than chatter. */
export const LOOKS_LIKE_REF = /^(?:#|\d|[a-z]\s?\d)/;

type RefRead = { ref: string; end: number } | UsageError;

/**
 * Reads the ref that starts a command's arguments (`letters`: the kinds it may name).
 * Null when the arguments are chatter (确认一下明天开会吗).
 */
export function readRef(msg: ParseInput, rest: Rest, how: ReadHow<RefIntent>, letters: string): RefRead | null {
  const folded = restFolded(msg, rest);
  if (folded === '') return rest.slash || how.bare ? usageError(how.intent, 'ref_required') : null;
  const hit = refAt(msg.folded, rest.start);
  if (hit === null) return rest.slash || LOOKS_LIKE_REF.test(folded) ? usageError(how.intent, 'ref_invalid') : null;
  if (hit.ref === null || !letters.includes(hit.letter)) return usageError(how.intent, 'ref_invalid');
  return { ref: hit.ref, end: hit.end };
}

/** Intents whose argument is a ref. */
export type RefIntent = 'confirm' | 'reject' | 'accept' | 'resolve' | 'cancel' | 'rate' | 'tickets' | 'void' | 'amend' | 'receipt' | SurveyRefIntent;

/** Intents that name a survey (S2). */
export type SurveyRefIntent = 'survey-answer' | 'survey-progress' | 'survey-results' | 'survey-chase';

/** confirm / accept / cancel: a ref and nothing else that matters. */
export function refOnly<I extends 'confirm' | 'accept' | 'cancel' | 'receipt' | Exclude<SurveyRefIntent, 'survey-answer'>>(letters: string): ArgumentReader<I> {
  return (msg, rest, how) => {
    const read = readRef(msg, rest, how, letters);
    if (read === null || 'error' in read) return read;
    return command(how.intent, { ref: read.ref } as IntentGuarantees[I]);
  };
}

/** reject / resolve (and 工单 T7 分类 漏水): a ref, then an optional free-text reason or note. */
export function refWithNote<I extends 'reject' | 'resolve' | 'tickets' | 'void'>(letters: string): ArgumentReader<I> {
  return (msg, rest, how) => {
    const read = readRef(msg, rest, how, letters);
    if (read === null || 'error' in read) return read;
    const after = restAt(msg, read.end, true);
    return withText(how.intent, { ref: read.ref, text: originalText(msg, after.start) } as IntentGuarantees[I]);
  };
}
