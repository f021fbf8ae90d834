import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { KEYWORDS, SLASH_NAMES } from '../src/commands/command-index.js';
import { COMMAND_TABLE } from '../src/commands/command-table.js';
import { parseCommand } from '../src/commands/parse.js';
import type { RecognisedIntent } from '../src/commands/parsed-command.js';
import { foldText } from '../src/text/fold-text.js';

const rows = Object.entries(COMMAND_TABLE) as [RecognisedIntent, (typeof COMMAND_TABLE)[RecognisedIntent]][];
const simplified = rows.flatMap(([intent, row]) => [...row.words, ...(row.weak ?? [])].map((word) => ({ intent, word })));

describe('the command table', () => {
  it('gives every keyword and slash name to one intent only', () => {
    const seen = new Map<string, RecognisedIntent>();
    for (const k of KEYWORDS) {
      expect(seen.get(k.word) ?? k.intent, `keyword ${k.word}`).toBe(k.intent);
      seen.set(k.word, k.intent);
    }
    expect(KEYWORDS.length).toBe(new Set(KEYWORDS.map((k) => k.word)).size);
    const slash = rows.flatMap(([, row]) => row.slash);
    expect(SLASH_NAMES.size).toBe(slash.length);
  });

  it('gives every intent a slash name, lower-case Latin', () => {
    for (const [intent, row] of rows) {
      expect(row.slash.length, intent).toBeGreaterThan(0);
      for (const name of row.slash) expect(name).toMatch(/^[a-z]{1,32}$/);
    }
  });

  // Character by character, OpenCC's traditional of every keyword folds back onto it: the
  // traditional column is only for other words (Taiwan's 選單, 繫結), never for other characters.
  const toTraditional = (['tw', 'hk'] as const).map((to) => OpenCC.Converter({ from: 'cn', to }));
  it.each(simplified)('$word ($intent) is found in traditional too', ({ intent, word }) => {
    for (const convert of toTraditional) {
      const traditional = convert(word);
      expect(parseKeywordIntent(traditional), traditional).toBe(parseKeywordIntent(word));
      expect(KEYWORDS.find((k) => k.word === foldText(traditional))?.intent).toBe(intent);
    }
  });

  it('lists a traditional spelling only when folding cannot produce a keyword', () => {
    const words = new Set(simplified.map((s) => s.word));
    for (const [intent, row] of rows) {
      for (const t of row.traditional ?? []) {
        expect(words.has(foldText(t)), `${intent}: ${t} folds to a listed keyword`).toBe(false);
        expect(KEYWORDS.find((k) => k.word === foldText(t))?.intent).toBe(intent);
      }
    }
  });

  it('matches English words as whole words only', () => {
    expect(parseCommand('menu').intent).toBe('help');
    expect(parseCommand('menus').intent).toBe('none');
  });
});

/** The intent a keyword alone, or with a plausible argument, is read as. */
function parseKeywordIntent(word: string): string {
  for (const arg of ['', ' T7', ' P12', ' R2', ' 8-2-301 60', ' 8-2-301', ' 楼道堆满杂物', ' 每天 18:00 倒垃圾', ' K7P2Q9MX']) {
    const parsed = parseCommand(word + arg);
    if (parsed.intent !== 'none') return parsed.intent;
  }
  return 'none';
}
