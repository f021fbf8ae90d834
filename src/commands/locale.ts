import { cleanText } from '../text/clean-text.js';
import { hasTraditional } from '../text/fold-text.js';

/** The language a reply should be written in. */
export type Locale = 'zh-Hans' | 'zh-Hant' | 'en';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[a-z]/i;

/**
 * Guesses the reply language from a message: any traditional character → zh-Hant;
 * no Chinese at all but some Latin letters (/paid 60, help) → en; otherwise zh-Hans.
 */
export function detectLocale(text: string): Locale {
  const clean = cleanText(typeof text === 'string' ? text : '');
  if (hasTraditional(clean)) return 'zh-Hant';
  if (!HAN.test(clean) && LATIN.test(clean.normalize('NFKC'))) return 'en';
  return 'zh-Hans';
}
