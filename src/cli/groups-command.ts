import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ChatAddress, Platform } from '../messages/incoming-message.js';
import { parseFlags, type RefusedFlags } from './parse-flags.js';
import { terminalSafe } from './terminal-safe.js';

const PLATFORMS: readonly Platform[] = ['console', 'wechat', 'telegram'];

const USAGE = `usage:
  linli groups                                              list known chats (linked and not)
  linli groups link <chat> <estate> [--zone Z | --building B]  link a chat to an estate (or one zone / building of it)
  linli groups unlink <chat>                                stop serving a chat
<chat> is the number in the list (#3 or 3), or platform:chat-id (telegram:-1001234, wechat:123@chatroom);
a chat not seen yet can be linked ahead by platform:chat-id.`;

/** Why a link was refused, for the operator. */
export type LinkResult = { ok: true; groupId: number; scope: string } | { ok: false; reason: string };

/**
 * Link a chat to an estate, optionally narrowed to one zone or building: this decides whose rooms,
 * arrears and notices the group sees. Creates the chat's row if the bot has not seen it yet.
 */
export async function linkGroup(db: Kysely<Database>, chat: ChatAddress, estateCode: string, opts: { zone?: string; building?: string }): Promise<LinkResult> {
  if (opts.zone && opts.building) return { ok: false, reason: 'give --zone or --building, not both' };
  return db.transaction().execute(async (tx) => {
    const estate = await tx.selectFrom('estates').select(['id', 'name']).where('code', '=', estateCode).executeTakeFirst();
    if (!estate) return { ok: false as const, reason: `no estate with code "${estateCode}"` };
    let zoneId: number | null = null;
    let buildingId: number | null = null;
    let scope = `${estate.name} (${estateCode})`;
    if (opts.zone) {
      const z = await tx.selectFrom('zones').select(['id', 'name']).where('estate_id', '=', estate.id).where('code', '=', opts.zone).executeTakeFirst();
      if (!z) return { ok: false as const, reason: `estate ${estateCode} has no zone "${opts.zone}"` };
      zoneId = z.id;
      scope += `, zone ${opts.zone} ${z.name}`;
    }
    if (opts.building) {
      const b = await tx.selectFrom('buildings').select(['id', 'zone_id']).where('estate_id', '=', estate.id).where('code', '=', opts.building).executeTakeFirst();
      if (!b) return { ok: false as const, reason: `estate ${estateCode} has no building "${opts.building}"` };
      buildingId = b.id;
      zoneId = b.zone_id;
      scope += `, building ${opts.building}`;
    }
    const row = await tx
      .insertInto('chat_groups')
      .values({ platform: chat.platform, chat_id: chat.chatId, title: null, estate_id: estate.id, zone_id: zoneId, building_id: buildingId, unlinked_notice_at: null })
      .onConflict((c) => c.columns(['platform', 'chat_id']).doUpdateSet({ estate_id: estate.id, zone_id: zoneId, building_id: buildingId }))
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ok: true as const, groupId: row.id, scope };
  });
}

/** Unlink a chat; it will be told once again that it is not linked. */
export async function unlinkGroup(db: Kysely<Database>, groupId: number): Promise<boolean> {
  const r = await db
    .updateTable('chat_groups')
    .set({ estate_id: null, zone_id: null, building_id: null, unlinked_notice_at: null })
    .where('id', '=', groupId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** `#3`, `3` or `platform:chat-id` → the chat; null if it names none. */
async function resolveChat(db: Kysely<Database>, ref: string): Promise<{ chat: ChatAddress; id: number | null } | null> {
  const num = /^#?(\d+)$/.exec(ref);
  if (num) {
    const g = await db.selectFrom('chat_groups').select(['id', 'platform', 'chat_id']).where('id', '=', Number(num[1])).executeTakeFirst();
    return g ? { chat: { platform: g.platform as Platform, chatId: g.chat_id }, id: g.id } : null;
  }
  const i = ref.indexOf(':');
  const platform = ref.slice(0, i) as Platform;
  if (i < 0 || !PLATFORMS.includes(platform) || i === ref.length - 1) return null;
  const chat = { platform, chatId: ref.slice(i + 1) };
  const g = await db.selectFrom('chat_groups').select('id').where('platform', '=', chat.platform).where('chat_id', '=', chat.chatId).executeTakeFirst();
  return { chat, id: g?.id ?? null };
}

/** What `linli groups …` asks for, once its command line parsed. */
export type GroupsRequest =
  | { sub: 'list' }
  | { sub: 'link'; ref: string; estate: string; zone?: string; building?: string }
  | { sub: 'unlink'; ref: string };

/** Parse `linli groups` arguments strictly; a refusal carries the text to show and the exit code. */
export function parseGroupsArgs(args: readonly string[]): { ok: true; request: GroupsRequest } | RefusedFlags {
  const [first, ...rest] = args;
  const sub = first === undefined || first.startsWith('-') ? 'list' : first;
  const tail = sub === first ? rest : args;
  if (sub === 'list') {
    const p = parseFlags(tail, {}, { min: 0, max: 0 }, USAGE);
    return p.ok ? { ok: true, request: { sub } } : p;
  }
  if (sub === 'link') {
    const p = parseFlags(tail, { zone: 'string', building: 'string' }, { min: 2, max: 2 }, USAGE);
    if (!p.ok) return p;
    const [ref, estate] = p.positionals;
    return { ok: true, request: { sub, ref, estate, zone: p.flags.zone, building: p.flags.building } };
  }
  if (sub === 'unlink') {
    const p = parseFlags(tail, {}, { min: 1, max: 1 }, USAGE);
    return p.ok ? { ok: true, request: { sub, ref: p.positionals[0] } } : p;
  }
  return { ok: false, code: 2, text: `unknown subcommand "${sub}"\n${USAGE}` };
}

/** `linli groups [link|unlink]`: list chats, link one to an estate (zone, building), or unlink it. */
export async function runGroupsCommand(args: string[], db: Kysely<Database>, out: (line: string) => void): Promise<number> {
  const parsed = parseGroupsArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const req = parsed.request;
  if (req.sub === 'list') {
    const rows = await db
      .selectFrom('chat_groups as g')
      .leftJoin('estates as e', 'e.id', 'g.estate_id')
      .leftJoin('zones as z', 'z.id', 'g.zone_id')
      .leftJoin('buildings as b', 'b.id', 'g.building_id')
      .select(['g.id', 'g.platform', 'g.chat_id', 'g.title', 'g.created_at', 'e.code as estate', 'z.code as zone', 'b.code as building'])
      .orderBy('g.id')
      .execute();
    if (rows.length === 0) out('no chats yet: a chat appears here after its first command to the bot (or link one ahead by platform:chat-id)');
    for (const r of rows) {
      const scope = r.estate ? `${r.estate}${r.building ? ` building ${r.building}` : r.zone ? ` zone ${r.zone}` : ''}` : '(not linked)';
      // Titles and chat ids come from the platform, so anyone who names a group chooses them.
      out(`#${r.id}\t${r.platform}:${terminalSafe(r.chat_id)}\t${scope}${r.title ? `\t${terminalSafe(r.title)}` : ''}`);
    }
    return 0;
  }
  if (req.sub === 'link') {
    const { ref, estate } = req;
    const target = await resolveChat(db, ref);
    if (!target) {
      out(`no chat "${ref}"\n${USAGE}`);
      return 1;
    }
    const r = await linkGroup(db, target.chat, estate, { zone: req.zone, building: req.building });
    if (!r.ok) {
      out(r.reason);
      return 1;
    }
    out(`linked #${r.groupId} ${target.chat.platform}:${terminalSafe(target.chat.chatId)} → ${r.scope}`);
    return 0;
  }
  const target = await resolveChat(db, req.ref);
  if (!target?.id || !(await unlinkGroup(db, target.id))) {
    out(`no chat "${terminalSafe(req.ref)}"`);
    return 1;
  }
  out(`unlinked #${target.id} ${target.chat.platform}:${terminalSafe(target.chat.chatId)}`);
  return 0;
}
