import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { ChatGroup, Database, Estate, Member } from '../db/database.js';
import type { HeldRole } from './held-role.js';

/** What one round trip learns about a command: is it new, and who, where and with what roles. */
export interface CommandScene {
  fresh: boolean;
  member: Member | null;
  group: ChatGroup | null;
  estate: Estate | null;
  roles: HeldRole[];
}

/** Every column of a row type, listed once; the compiler refuses a list that misses one. */
const allColumns =
  <T>() =>
  <const A extends readonly (keyof T & string)[]>(cols: A & (Exclude<keyof T, A[number]> extends never ? unknown : never)): A =>
    cols;

const MEMBER = allColumns<Member>()(['id', 'platform', 'platform_user_id', 'display_name', 'private_chat', 'private_chat_at', 'last_group_id', 'created_at']);
const GROUP = allColumns<ChatGroup>()(['id', 'platform', 'chat_id', 'title', 'estate_id', 'zone_id', 'building_id', 'is_staff', 'unlinked_notice_at', 'created_at']);
const ESTATE = allColumns<Estate>()(['id', 'code', 'name', 'time_zone', 'locale', 'created_at']);

/** A row's columns under a prefix, null where the outer join found nothing. */
type Prefixed<T, P extends string> = { [K in keyof T & string as `${P}${K}`]: T[K] | null };

type Row = { fresh: boolean; roles: HeldRole[] } & Prefixed<Member, 'm_'> & Prefixed<ChatGroup, 'g_'> & Prefixed<Estate, 'e_'>;

/** `alias.col as prefixcol, …`: the columns come back as Postgres types them (timestamps as Dates). */
function selectAs(alias: string, prefix: string, cols: readonly string[]): RawBuilder<unknown> {
  return sql.join(cols.map((c) => sql`${sql.ref(`${alias}.${c}`)} as ${sql.ref(prefix + c)}`));
}

/** The row under `prefix`, or null where there was none (its id is null). */
function unprefixed<T>(row: Row, prefix: string, cols: readonly (keyof T & string)[]): T | null {
  const r = row as unknown as Record<string, unknown>;
  if (r[`${prefix}id`] === null) return null;
  return Object.fromEntries(cols.map((c) => [c, r[prefix + c]])) as T;
}

/**
 * Record the command's key and read its member, group, the group's estate and the member's
 * roles there, in one statement: most commands come from known members in linked groups, and
 * round trips are what a command costs. Missing pieces come back null for the caller to create.
 */
export async function loadCommandScene(
  tx: Transaction<Database>,
  q: { key: string; jobName: string; now: Date; platform: string; senderId: string; chatId: string | null },
): Promise<CommandScene> {
  const { rows } = await sql<Row>`
    with pc as (
      insert into processed_commands (key, job_name, created_at) values (${q.key}, ${q.jobName}, ${q.now})
      on conflict (key) do nothing returning key
    ),
    m as (select * from members where platform = ${q.platform} and platform_user_id = ${q.senderId}),
    g as (select * from chat_groups where platform = ${q.platform} and chat_id = ${q.chatId})
    select
      exists (select 1 from pc) as fresh,
      ${selectAs('m', 'm_', MEMBER)},
      ${selectAs('g', 'g_', GROUP)},
      ${selectAs('e', 'e_', ESTATE)},
      coalesce((
        select jsonb_agg(jsonb_build_object('role', r.role, 'zoneId', r.zone_id, 'buildingId', r.building_id) order by r.id)
        from roles r where r.member_id = m.id and r.estate_id = g.estate_id
      ), '[]'::jsonb) as roles
    from (select 1) one
      left join m on true
      left join g on true
      left join estates e on e.id = g.estate_id`.execute(tx);
  const r = rows[0];
  return {
    fresh: r.fresh,
    member: unprefixed<Member>(r, 'm_', MEMBER),
    group: unprefixed<ChatGroup>(r, 'g_', GROUP),
    estate: unprefixed<Estate>(r, 'e_', ESTATE),
    roles: r.roles,
  };
}
