import { sql, type Kysely } from 'kysely';
import { BackupError } from './backup-format.js';

/** An application table of the current schema, as a backup sees it. */
export interface AppTable {
  name: string;
  columns: string[];
  /** Primary-key columns (empty: none), for a stable row order. */
  key: string[];
}

/**
 * The application tables of the current schema (Kysely's bookkeeping left out), parents before
 * children along their foreign keys, so rows restored in this order satisfy every constraint.
 */
export async function appTables(db: Kysely<any>): Promise<AppTable[]> {
  const { rows: cols } = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid
    where n.nspname = current_schema() and c.relkind = 'r' and c.relname not like 'kysely\\_%'
      and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const { rows: keys } = await sql<{ table: string; column: string }>`
    select c.relname as table, a.attname as column
    from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
      join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
    where n.nspname = current_schema() and i.indisprimary
    order by c.relname, k.ord`.execute(db);
  const { rows: refs } = await sql<{ child: string; parent: string }>`
    select c.relname as child, p.relname as parent
    from pg_constraint f join pg_class c on c.oid = f.conrelid join pg_class p on p.oid = f.confrelid
      join pg_namespace n on n.oid = c.relnamespace
    where f.contype = 'f' and n.nspname = current_schema() and c.oid <> p.oid`.execute(db);

  const tables = new Map<string, AppTable>();
  for (const { table, column } of cols) {
    const t = tables.get(table) ?? { name: table, columns: [], key: [] };
    t.columns.push(column);
    tables.set(table, t);
  }
  for (const { table, column } of keys) tables.get(table)?.key.push(column);

  // Kahn's algorithm, by name among the ready ones, so two backups of one schema agree.
  const parents = new Map([...tables.keys()].map((t) => [t, new Set<string>()]));
  for (const { child, parent } of refs) if (tables.has(parent)) parents.get(child)?.add(parent);
  const ordered: AppTable[] = [];
  while (parents.size > 0) {
    const ready = [...parents]
      .filter(([, ps]) => ps.size === 0)
      .map(([t]) => t)
      .sort();
    if (ready.length === 0) throw new BackupError(`foreign keys form a cycle among ${[...parents.keys()].join(', ')}: no restore order`);
    for (const t of ready) {
      ordered.push(tables.get(t)!);
      parents.delete(t);
      for (const ps of parents.values()) ps.delete(t);
    }
  }
  return ordered;
}

/** The migrations applied to the current schema, in order. */
export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`
    select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** A quoted identifier. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
