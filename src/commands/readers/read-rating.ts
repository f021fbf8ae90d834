import { CN_SMALL_NUMERAL_CHARS, parseIntOrChinese } from '../../text/numerals.js';
import type { ArgumentReader } from '../command-row.js';
import { originalText, restAt, restFolded, withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';
import { readRef } from './read-ref.js';

const RATING_RE = new RegExp(`(\\d{1,3}|[${CN_SMALL_NUMERAL_CHARS}]{1,3})\\s?(?:颗星|星|分)?(?!\\d)`, 'y');
const STARS_RE = /[⭐★]{1,20}/y;

/** 评价 T7 5 / 五星 / ⭐⭐⭐⭐, then an optional comment. */
export const readRating: ArgumentReader<'rate'> = (msg, rest, how) => {
  // 评价 5: the number is the rating, the ticket is missing.
  if (/^\d{1,3}(?:\s?(?:颗星|星|分))?$/.test(restFolded(msg, rest))) return usageError('rate', 'ref_required');
  const read = readRef(msg, rest, how, 'T');
  if (read === null || 'error' in read) return read;
  const after = restAt(msg, read.end, true);
  let rating: number | null = null;
  let end = after.start;
  RATING_RE.lastIndex = after.start;
  STARS_RE.lastIndex = after.start;
  const num = RATING_RE.exec(msg.folded);
  const stars = num === null ? STARS_RE.exec(msg.folded) : null;
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
