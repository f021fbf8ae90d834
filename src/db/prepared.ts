import { createHash } from 'node:crypto';
import type pg from 'pg';

/** How often a statement's text must have been seen before it is prepared, and how many a connection keeps. */
const HOT_AFTER = 2;
const PER_CONNECTION = 300;
/** Texts seen so far (process-wide), bounded: beyond it, counting starts over. */
const SEEN_MAX = 5000;

const seen = new Map<string, number>();

/** The name a statement is prepared under: its text's hash. */
const nameOf = (text: string) => `l${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

/**
 * Statements the process runs again and again (a command's reads and writes) are prepared once per
 * connection and then only bound and executed: Postgres parses and plans them once instead of on
 * every run, which is a good part of its CPU per command. A text is prepared from its second run;
 * a connection keeps at most a few hundred. When a schema change makes a prepared plan stale
 * (`cached plan must not change result type`), the error goes up (the job's retry runs it again)
 * and that text is prepared afresh under a new name on that connection: the old one cannot be
 * dropped inside the transaction the error aborted.
 */
export function prepareHotStatements(client: pg.PoolClient): void {
  const names = new Map<string, string>();
  let renamed = 0;
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  // biome-ignore lint/suspicious/noExplicitAny: pg's query is overloaded; only (text, values) is rewritten
  (client as any).query = (config: unknown, values?: unknown, cb?: unknown) => {
    if (typeof config !== 'string' || !Array.isArray(values) || cb !== undefined) return query(config, values, cb);
    const n = (seen.get(config) ?? 0) + 1;
    if (seen.size >= SEEN_MAX && !seen.has(config)) seen.clear();
    seen.set(config, n);
    let name = names.get(config);
    if (!name) {
      if (n < HOT_AFTER || names.size >= PER_CONNECTION) return query(config, values);
      name = nameOf(config);
      names.set(config, name);
    }
    return query({ name, text: config, values }).catch((e: { code?: string; message?: string }) => {
      if (e?.code === '0A000' && /cached plan/.test(e.message ?? '')) names.set(config, `${nameOf(config)}_${++renamed}`);
      throw e;
    });
  };
}
