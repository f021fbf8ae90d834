import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

/** One row of the table: what, result, what bounds it, ratio, target. */
export type Row = [string, string, string, string, string];

/** The machine the run was on. */
export function machine(extra: Record<string, string>): string {
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const parts = [`${cpu} × ${os.cpus().length} cores`, `${Math.round(os.totalmem() / 2 ** 30)} GB RAM`, `${os.type()} ${os.release()}`, `Node ${process.version}`];
  for (const [k, v] of Object.entries(extra)) parts.push(`${k} ${v}`);
  return parts.join(', ');
}

/** A markdown table. */
export function table(rows: Row[]): string {
  const head: Row = ['measure', 'result', 'bound / ceiling', 'ratio', 'target'];
  const line = (r: string[]) => `| ${r.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The same table for a terminal. */
export function plainTable(rows: Row[]): string {
  const head: Row = ['measure', 'result', 'bound / ceiling', 'ratio', 'target'];
  const all = [head, ...rows];
  const width = (s: string) => [...s].reduce((n, c) => n + (/[\u1100-\uffff]/.test(c) ? 2 : 1), 0);
  const w = head.map((_, i) => Math.max(...all.map((r) => width(r[i]))));
  const fmt = (r: string[]) => r.map((c, i) => c + ' '.repeat(w[i] - width(c))).join('  ');
  return [fmt(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(fmt)].join('\n');
}

/** Replace (or add) this backend's section of BENCHMARKS.md, keeping everything else. */
export function writeSection(file: string, backend: string, body: string): void {
  const start = `<!-- bench:${backend}:start -->`;
  const end = `<!-- bench:${backend}:end -->`;
  const block = `${start}\n${body.trim()}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# linli benchmarks\n\n`npm run bench` (Redis when REDIS_URL is set or a local Redis answers, else Postgres; `-- --backend redis|postgres` to choose) replaces its backend\'s section below.\n';
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i >= 0 && j > i) text = text.slice(0, i) + block + text.slice(j + end.length);
  else text = text.trimEnd() + '\n\n' + block + '\n';
  writeFileSync(file, text);
}

export const f0 = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '—');
export const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
export const pct = (x: number) => (Number.isFinite(x) ? `${Math.round(x * 100)}%` : '—');
