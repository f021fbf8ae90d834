import { CN_SMALL_NUMERAL_CHARS, parseIntOrChinese } from '../../text/numerals.js';
import type { ArgumentReader } from '../command-row.js';
import { originalText, restAt, restFolded, withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';
import { readRef } from './read-ref.js';

const RATING_RE = new RegExp(`(\\d{1,3}|[${CN_SMALL_NUMERAL_CHARS}]{1,3})\\s?(?:颗星|星|分)?(?!\\d)`, 'y');
const STARS_RE = /[⭐★]{1,20}/y;
// Verdicts in words (folded to simplified before reading): 不满意 before 满意, longest first.
const WORD_RATINGS: ReadonlyArray<[RegExp, number]> = [
  [/(?:非常不满意|很不满意|不满意|差评|很差|太差|没修好|没解决)/y, 1],
  [/(?:一般|还行|凑合|马马虎虎)/y, 3],
  [/(?:非常满意|很满意|满意|好评|五星好评|很好|太好了)/y, 5],
];

/** 评价 T7 5 / 五星 / ⭐⭐⭐⭐ / 满意 / 一般 / 不满意, then an optional comment. */
export const readRating: ArgumentReader<'rate'> = (msg, rest, how) => {
  // 评价 5: the number is the rating, the ticket is missing.
  if (/^\d{1,3}(?:\s?(?:颗星|星|分))?$/.test(restFolded(msg, rest))) return usageError('rate', 'ref_required');
  const read = readRef(msg, rest, how, 'T');
  if (read === null || 'error' in read) return read;
  const after = restAt(msg, read.end, true);
  let rating: number | null = null;
  let end = after.start;
  for (const [re, value] of WORD_RATINGS) {
    re.lastIndex = after.start;
    const w = re.exec(msg.folded);
    if (w === null) continue;
    rating = value;
    end = after.start + w[0].length;
    break;
  }
  RATING_RE.lastIndex = after.start;
  STARS_RE.lastIndex = after.start;
  const num = rating === null ? RATING_RE.exec(msg.folded) : null;
  const stars = rating === null && num === null ? STARS_RE.exec(msg.folded) : null;
  if (num !== null) {
    rating = parseIntOrChinese(num[1]);
    end = after.start + num[0].length;
  } else if (stars !== null) {
    rating = stars[0].length;
    end = after.start + stars[0].length;
  }
  if (rating === null || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    return usageError('rate', 'rating_invalid', { ref: read.ref });
  }
  const comment = restAt(msg, end, true);
  return withText('rate', { ref: read.ref, rating, text: originalText(msg, comment.start) });
};
