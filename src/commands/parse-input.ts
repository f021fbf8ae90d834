import { MAX_TEXT_LENGTH, command, usageError, type CommandFields, type IntentGuarantees, type ParsedAs, type RecognisedIntent } from './parsed-command.js';

/**
 * The message as two aligned strings: `clean` keeps what the user wrote (free text is
 * sliced from it), `folded` is what we match on. Same length, same indices.
 */
export interface ParseInput {
  clean: string;
  folded: string;
  /** Where the message had line breaks (each is a space in `clean`): the lines of a batch. */
  lineBreaks?: readonly number[];
  /** Spoken to the bot (@邻里, a private chat): a bare "?" is then a call for help, not a shrug. */
  addressed: boolean;
}

/** Where a command's arguments start, after its keyword or slash name. */
export interface Rest {
  /** Index in the message where the arguments start (separators skipped). */
  start: number;
  /** True when a space or punctuation separated the keyword from its arguments. */
  separated: boolean;
  /** Came from a slash command: arguments are never chatter. */
  slash: boolean;
}

const SEPARATORS = /^[\s:;,.!~、。_=>|\]】)」』》]+/;
const TRAILING_PUNCT = /[\s,.!~、。;:)」』》\]】]+$/;

/** The arguments from `index` on, separators skipped. */
export function restAt(msg: ParseInput, index: number, slash: boolean): Rest {
  const sep = SEPARATORS.exec(msg.folded.slice(index, index + 32));
  const start = index + (sep?.[0].length ?? 0);
  return { start, separated: sep !== null || start >= msg.folded.length, slash };
}

/** The folded rest without trailing punctuation. */
export function restFolded(msg: ParseInput, rest: Rest): string {
  return msg.folded.slice(rest.start).replace(TRAILING_PUNCT, '');
}

/** The user's own text from `from` on, trimmed, or null when empty. */
export function originalText(msg: ParseInput, from: number): string | null {
  const t = msg.clean.slice(from).trim();
  return t === '' ? null : t;
}

/** Length in code points (an emoji is one). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

/** A command carrying free text, or text_too_long (text left null so huge bodies go no further). */
export function withText<I extends RecognisedIntent>(intent: I, fields: IntentGuarantees[I] & Partial<CommandFields>): ParsedAs<I> {
  const text = fields.text ?? null;
  if (text !== null && codePointLength(text) > MAX_TEXT_LENGTH) return usageError(intent, 'text_too_long', { ...fields, text: null });
  return command(intent, fields);
}
