import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/commands/parse.js';
import type { ParsedCommand } from '../src/commands/parsed-command.js';

// The corpus (test/corpus/*.tsv): messages as residents, heads and grid workers write them in
// WeChat groups, each with the intent and key fields it must parse to. chatter.tsv holds
// ordinary group chatter that must stay `none`; chatter-problems.tsv holds chatter that mentions
// a problem (fixed, news, notices, ads, questions) and must not be offered as a ticket.

interface Line {
  file: string;
  line: number;
  text: string;
  intent: string;
  fields: Record<string, unknown>;
}

const DIR = join(import.meta.dirname, 'corpus');

function value(raw: string): unknown {
  if (raw === 'null') return null;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  return /^-?\d+$/.test(raw) ? Number(raw) : raw;
}

function load(): Line[] {
  const out: Line[] = [];
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.tsv')).sort()) {
    readFileSync(join(DIR, file), 'utf8')
      .split('\n')
      .forEach((row, i) => {
        if (row.trim() === '' || row.startsWith('##')) return;
        const [text, intent, spec = ''] = row.split('\t');
        const fields = Object.fromEntries(
          spec
            .split(' ')
            .filter(Boolean)
            .map((kv) => [kv.slice(0, kv.indexOf('=')), value(kv.slice(kv.indexOf('=') + 1))]),
        );
        out.push({ file, line: i + 1, text, intent, fields });
      });
  }
  return out;
}

/** Why a parse does not match its line, or null when it does. */
function mismatch(l: Line, got: ParsedCommand): string | null {
  if (got.intent !== l.intent) return `intent ${got.intent}`;
  const record = got as unknown as Record<string, unknown>;
  if (!('error' in l.fields) && got.error !== undefined) return `error ${got.error}`;
  for (const [k, v] of Object.entries(l.fields)) if (record[k] !== v) return `${k} ${JSON.stringify(record[k])}`;
  return null;
}

const isChatter = (l: Line) => l.file.startsWith('chatter');

const pct = (n: number, of: number) => `${((100 * n) / Math.max(of, 1)).toFixed(1)}%`;

describe('the corpus', () => {
  const lines = load();

  it('is large enough to mean something', () => {
    expect(lines.length).toBeGreaterThanOrEqual(600);
    expect(lines.filter(isChatter).length).toBeGreaterThanOrEqual(200);
    // Item 3: problems told without a keyword, and chatter that mentions one.
    expect(lines.filter((l) => l.file === 'offer.tsv' || l.file === 'chatter-problems.tsv').length).toBeGreaterThanOrEqual(150);
  });

  it('parses ≥ 98% as expected and answers ≤ 1% of chatter', () => {
    const byIntent = new Map<string, { n: number; ok: number }>();
    const wrong: string[] = [];
    let chatter = 0;
    let answered = 0;
    let offered = 0;
    for (const l of lines) {
      const got = parseCommand(l.text);
      const why = mismatch(l, got);
      const tally = byIntent.get(l.intent) ?? { n: 0, ok: 0 };
      tally.n++;
      if (why === null) tally.ok++;
      else wrong.push(`${l.file}:${l.line} ${l.text} → ${why}`);
      byIntent.set(l.intent, tally);
      if (isChatter(l)) {
        chatter++;
        if (got.intent !== 'none') answered++;
        if (got.intent === 'offer') offered++;
      }
    }
    const ok = [...byIntent.values()].reduce((s, x) => s + x.ok, 0);
    const report = [
      `corpus: ${lines.length} messages, ${pct(ok, lines.length)} parsed as expected; chatter: ${chatter} lines, ${answered} answered or offered (${pct(answered, chatter)}), ${offered} offered a ticket (false offers ${pct(offered, chatter)})`,
      ...[...byIntent.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([intent, x]) => `  ${intent.padEnd(10)} ${String(x.ok).padStart(4)}/${String(x.n).padEnd(4)} ${pct(x.ok, x.n)}`),
      ...wrong.map((w) => `  ✗ ${w}`),
    ].join('\n');
    console.log(report);
    expect(ok / lines.length, report).toBeGreaterThanOrEqual(0.98);
    expect(answered / chatter, report).toBeLessThanOrEqual(0.01);
    expect(offered / chatter, report).toBeLessThanOrEqual(0.01);
  });
});
