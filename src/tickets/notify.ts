import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database, RoleName } from '../db/database.js';
import type { ChatAddress, Platform } from '../messages/incoming-message.js';
import type { OutgoingMessage } from '../outbox/outgoing-message.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Someone to tell, and the chat a ticket came from (the fall-back where private chats are impossible). */
export interface NotifyTarget {
  platform: string;
  platformUserId: string;
}

// Platforms where a bot can write to a member directly: the member's private chat id is their user id.
const PRIVATE_CHATS: ReadonlySet<string> = new Set(['wechat', 'telegram']);

/**
 * Where to tell a member about a ticket: privately where their platform allows, else in the
 * chat the ticket came from (the console has only its one group).
 */
export function notifyAddress(member: NotifyTarget, origin: ChatAddress): ChatAddress {
  if (PRIVATE_CHATS.has(member.platform)) return { platform: member.platform as Platform, chatId: member.platformUserId };
  return origin;
}

/**
 * Collects the messages of one step and merges those for the same chat into one message, so a
 * group sees one answer (with the right @mentions) rather than a reply and a notice back to back.
 */
export class NoticeBatch {
  private readonly byChat = new Map<string, OutgoingMessage>();

  add(to: ChatAddress, text: string, mentions: string[] = []): void {
    const k = `${to.platform}\u0000${to.chatId}`;
    const prior = this.byChat.get(k);
    if (!prior) this.byChat.set(k, { to, text, mentions: [...new Set(mentions)] });
    else {
      // The same words to two people in one chat are said once, to both.
      const merged = prior.text.split('\n').includes(text) ? prior.text : `${prior.text}\n${text}`;
      this.byChat.set(k, { to, text: merged, mentions: [...new Set([...prior.mentions, ...mentions])] });
    }
  }

  /** The merged messages, in the order their chats were first used. */
  all(): OutgoingMessage[] {
    return [...this.byChat.values()];
  }

  /** Hand every message to a command's context (the reply, added first, stays first). */
  sendVia(ctx: { send(to: ChatAddress, text: string, mentions?: string[]): void }): void {
    for (const n of this.all()) ctx.send(n.to, n.text, n.mentions);
  }
}

/** A member to be told something. */
export interface NotifyPerson {
  id: number;
  platform: string;
  platformUserId: string;
}

/** The members who hold a role in an estate, each once, to be told something. */
export async function membersWithRole(db: Db, estateId: number, role: RoleName): Promise<NotifyPerson[]> {
  return db
    .selectFrom('roles as r')
    .innerJoin('members as m', 'm.id', 'r.member_id')
    .select(['m.id', 'm.platform', 'm.platform_user_id as platformUserId'])
    .where('r.estate_id', '=', estateId)
    .where('r.role', '=', role)
    .orderBy('m.id')
    .distinct()
    .execute();
}

/** The members who administer an estate (who get escalations, and tickets nobody else owns). */
export function estateAdmins(db: Db, estateId: number): Promise<NotifyPerson[]> {
  return membersWithRole(db, estateId, 'admin');
}

/**
 * Who is told about the ticket row under `alias`, as SQL (to ride along a statement that has the
 * row): its owner, or the estate's admins (as estateAdmins lists them) when it has none.
 */
export function ownerAudienceSql(alias: string): RawBuilder<NotifyPerson[]> {
  const person = (m: string) => sql`jsonb_build_object('id', ${sql.ref(`${m}.id`)}, 'platform', ${sql.ref(`${m}.platform`)}, 'platformUserId', ${sql.ref(`${m}.platform_user_id`)})`;
  return sql<NotifyPerson[]>`case when ${sql.ref(`${alias}.owner_member_id`)} is null
    then coalesce((
      select jsonb_agg(${person('a')} order by a.id) from (
        select distinct m.id, m.platform, m.platform_user_id from roles r join members m on m.id = r.member_id
        where r.estate_id = ${sql.ref(`${alias}.estate_id`)} and r.role = 'admin'
      ) a
    ), '[]'::jsonb)
    else (select jsonb_build_array(${person('o')}) from members o where o.id = ${sql.ref(`${alias}.owner_member_id`)}) end`;
}
