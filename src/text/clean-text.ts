// Zero-width, bidi controls, soft hyphen, BOM, and C0/C1 controls other than whitespace.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u0000-\u0008\u000E-\u001F\u007F-\u0084\u0086-\u009F]/g;
// Every whitespace: \s covers U+3000, U+00A0, U+2000–U+200A (U+2005 from WeChat mentions), line breaks.
const WHITESPACE_RUN = /[\s\u0085]+/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text the user meant: zero-width and control characters go, every whitespace run
 * (U+3000 included) becomes one space, lone surrogates become U+FFFD. Free text handed on
 * (complaint bodies, reasons) is sliced from this; matching happens on `foldText` of it.
 */
export function cleanText(text: string): string {
  return String(text ?? '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(INVISIBLE, '')
    .replace(WHITESPACE_RUN, ' ')
    .trim();
}
