// WeChat separates an @mention from the text with U+2005 (four-per-em space), or a plain space.
const SEPARATOR = '[\\u2005\\u0020]|$';

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Remove @mentions of the bot, under any of the names it is shown by (its nickname, its alias in
 * the room); mentions of other members stay, so `@张三 投诉...` is still not the bot's business.
 */
export function stripBotMention(text: string, botNames: readonly string[]): string {
  let out = text;
  for (const name of botNames.filter(Boolean).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`@${escapeRegExp(name)}(?:${SEPARATOR})`, 'g'), ' ');
  }
  return out.replace(/^[\s\u2005,，:：]+/, '').trim();
}
