// Characters that change how text displays or is read: C0/C1 controls (but not newline or tab),
// bidi overrides and isolates, zero-width joiners, the BOM, and line/paragraph separators.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/g;

/**
 * A member's own words, made safe to quote in a bot message: no control or direction-changing
 * characters, and no mentions (`@` becomes the full-width `＠`, which no platform treats as a
 * mention, so `@所有人` / `@all` / `@someone` notify nobody). Long text is cut at `max` characters.
 */
export function userText(text: string, max = 200): string {
  const clean = text.replace(INVISIBLE, '').replace(/[@\uff20]/g, '＠').replace(/\s*\n\s*/g, ' ');
  const chars = Array.from(clean);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : clean;
}
