import { Locale } from 'opencc-js';

// Where OpenCC's answer is not the word the parser and the classifier match on.
const OVERRIDES: readonly [string, string][] = [
  ['帳', '账'], // OpenCC: 帐; the ledger words are 转账, 查账, 记账
  ['參', '叁'], // OpenCC: 参; in amounts (參拾元) it is the financial three
  ['叄', '叁'],
];

// Characters the map folds that simplified text also writes in their own right (乾隆, 於 as a
// surname: they are in GB2312), so they do not mark a message as traditional. 後 is kept as
// traditional: in a chat it is the traditional 后. test/text-vocabulary.test.ts re-derives this.
export const ALSO_SIMPLIFIED = '乾吒夥徵拚捱摺於榘菸薹袷醣麴麽著';

/**
 * Traditional → simplified, one character to one character, from OpenCC's own dictionaries:
 * Taiwan and Hong Kong variants (裡, 着) to OpenCC's traditional, then traditional to
 * simplified. Phrases and one-to-many entries are left out: folding must keep every index
 * (see foldText), and a character that simplifies two ways has no single answer.
 */
export const TRAD_TO_SIMP: ReadonlyMap<string, string> = buildMap();

/** Characters only traditional text uses: any of them makes a reply traditional. */
export const TRADITIONAL_CHARS: ReadonlySet<string> = new Set([...TRAD_TO_SIMP.keys()].filter((c) => !ALSO_SIMPLIFIED.includes(c)));

type DictLike = string | readonly (readonly [string, string])[];

/** Single-character, one-to-one entries of a dictionary group, as [from, to]. */
function pairs(groups: readonly (readonly DictLike[])[]): [string, string][] {
  const out: [string, string][] = [];
  for (const group of groups) {
    for (const dict of group) {
      const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')) : dict.map(([k, v]) => [k, ...v.split(' ')]);
      for (const [from, ...to] of entries) {
        if (to.length === 1 && from.length === 1 && to[0].length === 1) out.push([from, to[0]]);
      }
    }
  }
  return out;
}

function buildMap(): Map<string, string> {
  const toSimp = new Map(pairs(Locale.to.cn));
  const map = new Map<string, string>();
  for (const [trad, simp] of toSimp) if (trad !== simp) map.set(trad, simp);
  // A regional variant that is itself a simplified character (Taiwan writes 么 for 幺) stays.
  const simplified = new Set(toSimp.values());
  for (const [variant, trad] of [...pairs(Locale.from.tw), ...pairs(Locale.from.hk)]) {
    const simp = toSimp.get(trad) ?? trad;
    if (variant !== simp && !map.has(variant) && !simplified.has(variant)) map.set(variant, simp);
  }
  for (const [trad, simp] of OVERRIDES) map.set(trad, simp);
  return map;
}
