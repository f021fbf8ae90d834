import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, RoleName } from '../db/database.js';
import { parseFlags, type RefusedFlags } from './parse-flags.js';

const USAGE = `usage:
  linli invite <estate> --role grid_worker --zone Z     a grid worker for zone Z
  linli invite <estate> --role head --building B        the head of building B
  linli invite <estate> --role admin                    a community admin
  linli invite <estate> --group [--zone Z | --building B]  link the group the code is sent in
  options: --days N (valid for N days, default 7)`;

// No 0/O, 1/I/L: the code is read aloud and typed on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh one-time code, 8 characters (31^8 ≈ 8.5 × 10^11). */
export function newInvitationCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

const ROLES: readonly RoleName[] = ['grid_worker', 'head', 'admin'];

/** What `linli invite …` asks for, once its command line parsed and its role fits its scope. */
export interface InviteRequest {
  estateCode: string;
  role: RoleName | undefined;
  group: boolean;
  zoneCode: string | undefined;
  buildingCode: string | undefined;
  days: number;
}

/** Parse `linli invite` arguments strictly, and refuse a scope that does not fit the role. */
export function parseInviteArgs(args: readonly string[]): { ok: true; request: InviteRequest } | RefusedFlags {
  const parsed = parseFlags(args, { role: 'string', group: 'boolean', zone: 'string', building: 'string', days: 'string' }, { min: 1, max: 1 }, USAGE);
  if (!parsed.ok) return parsed;
  const [estateCode] = parsed.positionals;
  const { group, zone: zoneCode, building: buildingCode } = parsed.flags;
  const role = parsed.flags.role as RoleName | undefined;
  const days = /^\d{1,2}$/.test(parsed.flags.days ?? '7') ? Number(parsed.flags.days ?? 7) : Number.NaN;
  const fail = (why: string): RefusedFlags => ({ ok: false, code: 2, text: `${why}\n${USAGE}` });
  // A scope that does not fit the role is one line: the code would say one thing and grant another.
  const refuse = (why: string): RefusedFlags => ({ ok: false, code: 2, text: why });
  if (group === (role !== undefined)) return fail('give --role or --group');
  if (role !== undefined && !ROLES.includes(role)) return fail(`unknown role "${role}"`);
  if (zoneCode && buildingCode) return refuse('give --zone or --building, not both');
  if (role === 'admin' && (zoneCode || buildingCode)) return refuse(`an admin is estate-wide: drop --${zoneCode ? 'zone' : 'building'} (for one zone, invite a grid worker)`);
  if (role === 'grid_worker' && buildingCode) return refuse('a grid worker serves a zone: give --zone, not --building');
  if (role === 'head' && zoneCode) return refuse('a building head serves a building: give --building, not --zone');
  if (role === 'grid_worker' && !zoneCode) return fail('a grid worker needs --zone');
  if (role === 'head' && !buildingCode) return fail('a building head needs --building');
  if (!Number.isInteger(days) || days < 1 || days > 90) return fail('--days must be 1 to 90');
  return { ok: true, request: { estateCode, role, group, zoneCode, buildingCode, days } };
}

/**
 * `linli invite`: make a one-time code that gives a role to whoever sends `邀请码 <code>` to the bot,
 * or links the group it is sent in. Identity stays the platform user id: the admin never needs
 * to find it, only to hand the code to the right person.
 */
export async function runInviteCommand(args: string[], db: Kysely<Database>, out: (line: string) => void, now: Date = new Date()): Promise<number> {
  const parsed = parseInviteArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const { estateCode, role, group, zoneCode, buildingCode, days } = parsed.request;
  const fail = (why: string) => {
    out(`${why}\n${USAGE}`);
    return 2;
  };

  const estate = await db.selectFrom('estates').select(['id', 'name']).where('code', '=', estateCode).executeTakeFirst();
  if (!estate) return fail(`no estate with code "${estateCode}"`);
  let zoneId: number | null = null;
  let buildingId: number | null = null;
  let scope = estate.name;
  if (zoneCode) {
    const z = await db.selectFrom('zones').select(['id', 'name']).where('estate_id', '=', estate.id).where('code', '=', zoneCode).executeTakeFirst();
    if (!z) return fail(`estate ${estateCode} has no zone "${zoneCode}"`);
    zoneId = z.id;
    scope += ` ${z.name}`;
  }
  if (buildingCode) {
    const b = await db.selectFrom('buildings').select(['id', 'zone_id']).where('estate_id', '=', estate.id).where('code', '=', buildingCode).executeTakeFirst();
    if (!b) return fail(`estate ${estateCode} has no building "${buildingCode}"`);
    buildingId = b.id;
    // A building's group belongs to the building's zone too, as `groups link --building` does.
    if (group) zoneId = b.zone_id;
    scope += ` ${buildingCode}栋`;
  }
  const expires = new Date(now.getTime() + days * 24 * 3600 * 1000);
  let code = newInvitationCode();
  for (let i = 0; i < 5; i++) {
    const row = await db
      .insertInto('invitations')
      .values({ code, estate_id: estate.id, kind: group ? 'group' : 'role', role: role ?? null, zone_id: zoneId, building_id: buildingId, created_at: now, expires_at: expires })
      .onConflict((c) => c.column('code').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) break;
    code = newInvitationCode();
  }
  const what = group ? `link a group to ${scope}` : `${role} of ${scope}`;
  out(`invitation (${what}), once, until ${expires.toISOString().slice(0, 10)}: ${code}`);
  out(group ? `send in the group to link:  邀请码 ${code}   (Telegram: /claim ${code})` : `the person sends, in any chat with the bot:  邀请码 ${code}   (Telegram: /claim ${code})`);
  return 0;
}
