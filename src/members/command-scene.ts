import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ChatGroup, Database, Estate, FeePlanWithBuildings, Member } from '../db/database.js';
import type { HeldRole } from './held-role.js';

/** What one round trip learns about a command: is it new, and who, where and with what roles. */
export interface CommandScene {
  fresh: boolean;
  member: Member | null;
  group: ChatGroup | null;
  estate: Estate | null;
  roles: HeldRole[];
  /** The estate's fee plans, main one first (empty when there is no estate). */
  plans: FeePlanWithBuildings[];
}

/** The message a scene is read for. */
export interface SceneQuery {
  key: string;
  jobName: string;
  now: Date;
  platform: string;
  senderId: string;
  /** Null in a private chat. */
  chatId: string | null;
  isPrivate: boolean;
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

type JsonPlan = Omit<FeePlanWithBuildings, 'created_at'> & { created_at: string };
type Row = { i: string; fresh: boolean; roles: HeldRole[]; plans: JsonPlan[] } & Prefixed<Member, 'm_'> & Prefixed<ChatGroup, 'g_'> & Prefixed<Estate, 'e_'>;

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

/** One command's scene (`loadCommandScenes` of one). */
export async function loadCommandScene(tx: Kysely<Database>, q: SceneQuery): Promise<CommandScene> {
  return (await loadCommandScenes(tx, [q]))[0];
}

/**
 * Record each command's key and read its member, group, the group's estate, the member's roles
 * and the estate's fee plans — for every command of a group commit at once, in one statement.
 * A chat or member seen for the first time is created here, and where a member was just seen is
 * noted (a private message opens their private chat; a group message is the group a private
 * message they cannot receive is pointed to from), writing only what changed. Round trips are
 * what a command costs. A piece a concurrent transaction created meanwhile comes back null for
 * the caller to find. A key repeated in one call is fresh once, at its first place.
 */
export async function loadCommandScenes(tx: Kysely<Database>, qs: readonly SceneQuery[]): Promise<CommandScene[]> {
  if (qs.length === 0) return [];
  const col = <T>(f: (q: SceneQuery) => T) => qs.map(f);
  const { rows } = await sql<Row>`
    with q as (
      select * from unnest(
        ${col((q) => q.key)}::text[], ${col((q) => q.jobName)}::text[], ${col((q) => q.now.toISOString())}::timestamptz[],
        ${col((q) => q.platform)}::text[], ${col((q) => q.senderId)}::text[], ${col((q) => q.chatId)}::text[], ${col((q) => q.isPrivate)}::boolean[]
      ) with ordinality as q(key, job_name, now, platform, sender_id, chat_id, is_private, i)
    ),
    pc as (
      insert into processed_commands (key, job_name, created_at)
      select distinct on (key) key, job_name, now from q order by key, i
      on conflict (key) do nothing returning key
    ),
    g0 as (
      select c.* from chat_groups c
      where (c.platform, c.chat_id) in (select platform, chat_id from q where chat_id is not null)
    ),
    gi as (
      insert into chat_groups (platform, chat_id)
      select distinct platform, chat_id from q
      where chat_id is not null and not exists (select 1 from g0 where g0.platform = q.platform and g0.chat_id = q.chat_id)
      on conflict (platform, chat_id) do nothing returning *
    ),
    g as (select * from g0 union all select * from gi),
    seen as (
      select q.platform, q.sender_id, bool_or(q.is_private) as is_private, max(q.now) as now,
        (array_agg(g.id order by q.i desc) filter (where g.id is not null))[1] as group_id
      from q left join g on g.platform = q.platform and g.chat_id = q.chat_id
      group by q.platform, q.sender_id
    ),
    m0 as (
      select m.* from members m
      where (m.platform, m.platform_user_id) in (select platform, sender_id from seen)
    ),
    mi as (
      insert into members (platform, platform_user_id, private_chat, private_chat_at, last_group_id)
      select s.platform, s.sender_id, case when s.is_private then 'open' end, case when s.is_private then s.now end, s.group_id
      from seen s
      where not exists (select 1 from m0 where m0.platform = s.platform and m0.platform_user_id = s.sender_id)
      on conflict (platform, platform_user_id) do nothing returning *
    ),
    mu as (
      update members m set
        private_chat = case when s.is_private then 'open' else m.private_chat end,
        private_chat_at = case when s.is_private and m.private_chat is distinct from 'open' then s.now else m.private_chat_at end,
        last_group_id = coalesce(s.group_id, m.last_group_id)
      from seen s
      where m.platform = s.platform and m.platform_user_id = s.sender_id
        and ((s.is_private and m.private_chat is distinct from 'open') or (s.group_id is not null and m.last_group_id is distinct from s.group_id))
      returning m.*
    ),
    mm as (
      select * from mu
      union all select * from m0 where m0.id not in (select id from mu)
      union all select * from mi
    )
    select
      q.i,
      exists (select 1 from pc where pc.key = q.key) as fresh,
      ${selectAs('m', 'm_', MEMBER)},
      ${selectAs('g', 'g_', GROUP)},
      ${selectAs('e', 'e_', ESTATE)},
      coalesce((
        select jsonb_agg(jsonb_build_object('role', r.role, 'zoneId', r.zone_id, 'buildingId', r.building_id) order by r.id)
        from roles r where r.member_id = m.id and r.estate_id = g.estate_id
      ), '[]'::jsonb) as roles,
      coalesce((
        select jsonb_agg(to_jsonb(p) || jsonb_build_object('buildingIds', coalesce((
          select jsonb_agg(c.building_id order by c.building_id) from fee_plan_buildings c where c.fee_plan_id = p.id
        ), '[]'::jsonb)) order by p.id)
        from fee_plans p where p.estate_id = e.id
      ), '[]'::jsonb) as plans
    from q
      left join mm m on m.platform = q.platform and m.platform_user_id = q.sender_id
      left join g on g.platform = q.platform and g.chat_id = q.chat_id
      left join estates e on e.id = g.estate_id
    order by q.i`.execute(tx);
  const firstAt = new Map<string, number>();
  qs.forEach((q, i) => {
    if (!firstAt.has(q.key)) firstAt.set(q.key, i);
  });
  return rows.map((r, i) => ({
    fresh: r.fresh && firstAt.get(qs[i].key) === i,
    member: unprefixed<Member>(r, 'm_', MEMBER),
    group: unprefixed<ChatGroup>(r, 'g_', GROUP),
    estate: unprefixed<Estate>(r, 'e_', ESTATE),
    roles: r.roles,
    plans: r.plans.map((p) => ({ ...p, created_at: new Date(p.created_at) })),
  }));
}
