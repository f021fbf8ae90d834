const MENTION_OF_BOT = /^@(?:邻里|linli)/;
const MENTION = /^@[^\s@]{1,40}(?: |$)/;
const LEAD_INS = [
  '请帮我', '麻烦你', '麻烦您', '麻烦', '帮我', '帮忙', '我要', '我想', '请', '你好', '您好',
];
const OPENING_PUNCT = /^[\s【\[(「『<《,.!~:;、。]+/;

/** Where the words for the bot start, and who the message speaks to. */
export interface LeadIn {
  /** Index after the @mentions and polite lead-in (我要, 请, 麻烦 …) in folded text. */
  start: number;
  /** The message @mentions the bot by a name the parser knows (@邻里, @linli). */
  mentionsBot: boolean;
  /** The message starts by @mentioning someone other than the bot (@张三 …). */
  mentionsOther: boolean;
}

/** Skips leading @mentions and a polite lead-in, noting whom they address. */
export function skipLeadIn(folded: string): LeadIn {
  let pos = 0;
  let mentionsBot = false;
  let mentionsOther = false;
  for (let round = 0; round < 6; round++) {
    const before = pos;
    const head = folded.slice(pos, pos + 64);
    const punct = OPENING_PUNCT.exec(head);
    if (punct !== null) pos += punct[0].length;
    const tail = folded.slice(pos, pos + 64);
    const bot = MENTION_OF_BOT.exec(tail);
    const other = bot === null ? MENTION.exec(tail) : null;
    if (bot !== null) {
      mentionsBot = true;
      pos += bot[0].length;
    } else if (other !== null) {
      // Only mentions before any words count: "@张三 投诉 …" speaks to 张三.
      if (pos === 0 || folded.slice(0, pos).trim().startsWith('@')) mentionsOther = true;
      pos += other[0].length;
    } else {
      const lead = LEAD_INS.find((w) => tail.startsWith(w) && tail.length > w.length);
      if (lead !== undefined) pos += lead.length;
    }
    if (pos === before) break;
  }
  return { start: pos, mentionsBot, mentionsOther };
}
