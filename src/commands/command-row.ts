import type { ParseInput, Rest } from './parse-input.js';
import type { ParsedAs, RecognisedIntent } from './parsed-command.js';

/** How a reader was reached: which intent, and whether its keyword stands alone. */
export interface ReadHow<I extends RecognisedIntent> {
  intent: I;
  /**
   * A strong keyword is the command even alone (确认 → ref_required, 收费 → room_required);
   * a weak one (通过, 取消, 代收, 查一下) is chatter unless its argument follows. Slash: always.
   */
  bare: boolean;
  /** The keyword or slash name as matched (folded). */
  word: string;
}

/** Reads what follows a keyword or slash name; null when it turns out to be chatter. */
export type ArgumentReader<I extends RecognisedIntent> = (msg: ParseInput, rest: Rest, how: ReadHow<I>) => ParsedAs<I> | null;

/** Recognises a command in a message that starts with no keyword; `start` is after the lead-in. */
export type SentenceReader<I extends RecognisedIntent> = (msg: ParseInput, start: number) => ParsedAs<I> | null;

/**
 * One intent's row in the command table: every way to say it, and how to read its arguments.
 * Words are simplified Chinese; traditional text folds onto them (確認 → 确认), so a traditional
 * spelling is listed only when folding does not produce it (Taiwan's 選單 for 菜单).
 */
export interface CommandRow<I extends RecognisedIntent> {
  /** Keywords at the head of a message that are the command even alone. */
  words: readonly string[];
  /** Keywords that are the command only when an argument follows (通过 B3; 通过 alone is chatter). */
  weak?: readonly string[];
  /** Traditional or regional spellings that folding does not turn into one of `words`; strong. */
  traditional?: readonly string[];
  /** English words, matched as whole words (help, not helpful); strong. */
  english?: readonly string[];
  /** Slash command names (Telegram): `/paid 60`. */
  slash: readonly string[];
  /** Reads the arguments after any of the above. */
  read: ArgumentReader<I>;
  /** Recognises the command anywhere, without a keyword (已交60元); tried in table order. */
  sentence?: SentenceReader<I>;
}
