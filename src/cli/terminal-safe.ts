// C0 and C1 controls (ESC starts every terminal escape sequence), DEL, and the bidi overrides and
// isolates that reorder what follows them on screen.
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from a chat platform (a group title, a chat id) made safe to print on an operator's
 * terminal: a line break or tab becomes a space, and every other control character is shown as
 * its escape (`\x1b`, `\u202e`), so a title cannot clear the screen, move the cursor or fake a row.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, (ch) => {
    if (ch === '\n' || ch === '\r' || ch === '\t') return ' ';
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
