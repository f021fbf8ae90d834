import { sql, type Kysely } from 'kysely';
import { ident, type AppTable } from './app-tables.js';

/**
 * Run `fn` with the tables' enabled user triggers (the ledger's append-only guards among them)
 * switched off, and switch exactly those back on after. In the restore's transaction: if it
 * fails, the ALTERs roll back with it and the guards were never off for anyone else.
 */
export async function withTriggersOff<T>(tx: Kysely<any>, tables: string[], fn: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ table: string; trigger: string }>`
    select c.relname as table, t.tgname as trigger
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and not t.tgisinternal and t.tgenabled <> 'D'`.execute(tx);
  const ours = rows.filter((r) => tables.includes(r.table));
  for (const r of ours) await sql`alter table ${sql.raw(ident(r.table))} disable trigger ${sql.raw(ident(r.trigger))}`.execute(tx);
  const result = await fn();
  for (const r of ours) await sql`alter table ${sql.raw(ident(r.table))} enable trigger ${sql.raw(ident(r.trigger))}`.execute(tx);
  return result;
}

/** Set every serial or identity sequence of the tables past the largest id restored. */
export async function restoreSequences(tx: Kysely<any>, tables: AppTable[]): Promise<void> {
  const { rows } = await sql<{ table: string; column: string; seq: string }>`
    select c.relname as table, a.attname as column, format('%I.%I', sn.nspname, s.relname) as seq
    from pg_depend d
      join pg_class s on s.oid = d.objid and s.relkind = 'S'
      join pg_namespace sn on sn.oid = s.relnamespace
      join pg_class c on c.oid = d.refobjid
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = d.refobjsubid
    where n.nspname = current_schema() and d.deptype in ('a', 'i')`.execute(tx);
  const names = new Set(tables.map((t) => t.name));
  for (const r of rows.filter((x) => names.has(x.table))) {
    await sql`select setval(${r.seq}::regclass, coalesce(max(${sql.raw(ident(r.column))}), 0) + 1, false) from ${sql.raw(ident(r.table))}`.execute(tx);
  }
}
