import { CN_SMALL_NUMERAL_CHARS } from './numerals.js';

/**
 * The words people write around building, unit and room numbers, in folded form (号樓 → 号楼).
 * The parser, the complaint classifier's place finder, and the roster import all read rooms
 * through these lists, so a spelling learnt in one place is learnt everywhere.
 */

/** After a number, these make it a building on their own: 8号楼, 8栋, 8幢, 8座, 8#楼, 8#. */
export const BUILDING_WORDS: readonly string[] = ['号楼', '栋', '幢', '座', '#楼', '#'];
/** These make a building only when a unit or room follows (8号 alone is a date, 8楼 a floor). */
export const BUILDING_WORDS_BEFORE_ROOM: readonly string[] = ['号', '楼'];
/** After a unit number: 2单元. */
export const UNIT_WORDS: readonly string[] = ['单元'];
/** A roster's unit column also says 2门 (Beijing) or 2单: in a cell that is no door. */
export const ROSTER_UNIT_WORDS: readonly string[] = [...UNIT_WORDS, '门', '单'];
/** After a room number: 301室, 301号, 301房. */
export const ROOM_WORDS: readonly string[] = ['室', '号', '房'];

/** A building, unit or room number: up to `max` digits or Chinese numerals (八, 十二, 三零一). */
export function numberPattern(maxDigits: number, maxNumerals = maxDigits): string {
  return `\\d{1,${maxDigits}}|[${CN_SMALL_NUMERAL_CHARS}]{1,${maxNumerals}}`;
}

/** A regex alternation of words, longest first so 号楼 wins over 号. */
export function wordsPattern(...lists: readonly (readonly string[])[]): string {
  const words = [...new Set(lists.flat())].sort((a, b) => b.length - a.length);
  return words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}

/** The first characters of every room word: a number followed by one counts rooms, not money. */
export const ROOM_WORD_STARTS: ReadonlySet<string> = new Set(
  [...BUILDING_WORDS, ...BUILDING_WORDS_BEFORE_ROOM, ...UNIT_WORDS, ...ROOM_WORDS].map((w) => w[0]),
);
