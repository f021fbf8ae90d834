import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { findRoomCodes } from '../text/room-code.js';
import { userText } from '../i18n/user-text.js';
import { maskPersonalData } from '../privacy/mask.js';

/** A resident's free-text answer as staff may read it: no phone numbers, no room codes, no mentions. */
export function maskFreeText(text: string, max = 200): string {
  const clean = cleanText(maskPersonalData(text));
  const spans = findRoomCodes(foldText(clean)).sort((a, b) => b.start - a.start);
  let out = clean;
  for (const s of spans) out = out.slice(0, s.start) + '***' + out.slice(s.end);
  return userText(out, max);
}
