import type { Span } from './money.js';

// A fee is named as a word that ends in 费 (卫生费, 物业费, 停车费, 物业管理费). Which plans an estate
// has is not the parser's to know: it hands the word on, and the worker resolves it against the
// estate's own plan list (src/ledger/estate-plans.ts), answering with that list when it is not there.
const FEE_WORD = /[\u4e00-\u9fff]{1,8}费/g;
// What may stand before a fee's name in a sentence without being part of it (已交一年的物业费):
// the name is what stands between the last of these and 费.
const NOT_NAME = /[已己以经交缴纳付支转过收退欠了的给把为帮替代请先还都也就又再共总和及与跟这那本今去前全整半个年月季度天一二两三四五六七八九十百千万我你他她们家户]/;

/** The fee a message names (物业费 in 已交物业费300元), with where it stands; null when none. */
export function findPlanWord(folded: string): (Span & { word: string }) | null {
  FEE_WORD.lastIndex = 0;
  for (let m = FEE_WORD.exec(folded); m !== null; m = FEE_WORD.exec(folded)) {
    let lead = m[0].length - 1;
    while (lead > 0 && !NOT_NAME.test(m[0][lead - 1])) lead--;
    const word = m[0].slice(lead);
    // 交费, 缴费, 收费, 欠费: paying in general, no plan named.
    if (word.length < 2) continue;
    return { word, start: m.index + lead, end: m.index + m[0].length };
  }
  return null;
}
