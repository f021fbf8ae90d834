const MENTION_OF_BOT = /^@(?:邻里|linli)/;
const MENTION = /^@[^\s@]{1,40} /;
const LEAD_INS = [
  '请帮我', '麻烦你', '麻烦您', '麻烦', '帮我', '帮忙', '我要', '我想', '请', '你好', '您好',
];
const OPENING_PUNCT = /^[\s【\[(「『<《,.!~:;、。]+/;

/** Index after an optional @mention and polite lead-in (我要, 请, 麻烦 …) in folded text. */
export function skipLeadIn(folded: string): number {
  let pos = 0;
  for (let round = 0; round < 6; round++) {
    const before = pos;
    const head = folded.slice(pos, pos + 64);
    const punct = OPENING_PUNCT.exec(head);
    if (punct !== null) pos += punct[0].length;
    const tail = folded.slice(pos, pos + 64);
    const mention = MENTION.exec(tail) ?? MENTION_OF_BOT.exec(tail);
    if (mention !== null) pos += mention[0].length;
    else {
      const lead = LEAD_INS.find((w) => tail.startsWith(w) && tail.length > w.length);
      if (lead !== undefined) pos += lead.length;
    }
    if (pos === before) break;
  }
  return pos;
}
