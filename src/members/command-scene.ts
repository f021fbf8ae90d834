import { sql, type Transaction } from 'kysely';
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

type Row = {
  fresh: boolean;
  member: (Omit<Member, 'created_at'> & { created_at: string }) | null;
  grp: (Omit<ChatGroup, 'created_at' | 'unlinked_notice_at'> & { created_at: string; unlinked_notice_at: string | null }) | null;
  estate: (Omit<Estate, 'created_at'> & { created_at: string }) | null;
  roles: HeldRole[];
};

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
      (select to_jsonb(m) from m) as member,
      (select to_jsonb(g) from g) as grp,
      (select to_jsonb(e) from estates e where e.id = (select estate_id from g)) as estate,
      coalesce((
        select jsonb_agg(jsonb_build_object('role', r.role, 'zoneId', r.zone_id, 'buildingId', r.building_id) order by r.id)
        from roles r where r.member_id = (select id from m) and r.estate_id = (select estate_id from g)
      ), '[]'::jsonb) as roles`.execute(tx);
  const r = rows[0];
  return {
    fresh: r.fresh,
    member: r.member && { ...r.member, created_at: new Date(r.member.created_at) },
    group: r.grp && {
      ...r.grp,
      created_at: new Date(r.grp.created_at),
      unlinked_notice_at: r.grp.unlinked_notice_at === null ? null : new Date(r.grp.unlinked_notice_at),
    },
    estate: r.estate && { ...r.estate, created_at: new Date(r.estate.created_at) },
    roles: r.roles,
  };
}
