import type { BooksParams, booksZhHans } from '../i18n/catalog-books-zh-hans.js';
import type { Translator } from '../i18n/translator.js';

/** A key of the books catalogue. */
export type BooksKey = keyof typeof booksZhHans;

/** Why a row was refused or warned about: a catalogue key and its parameters, rendered in the admin's language. */
export interface RowReason {
  key: BooksKey;
  p?: BooksParams;
}

/** A refused or warned-about row, by its 1-based line (row number in a spreadsheet). */
export interface RowIssue {
  line: number;
  reason: RowReason;
}

/** A reason as text in the translator's language. */
export function renderReason(t: Translator, r: RowReason): string {
  return t.t(r.key, r.p ?? {});
}
