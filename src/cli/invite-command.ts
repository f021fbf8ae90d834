import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CommitteeParty, Database, PanelParty, RoleName } from '../db/database.js';
import { PANEL_PARTIES } from '../scoring/panel.js';
import { parseFlags, type RefusedFlags } from './parse-flags.js';

const USAGE = `usage:
  linli invite <estate> --role grid_worker --zone Z     a grid worker for zone Z
  linli invite <estate> --role head --building B        the head of building B
  linli invite <estate> --role admin                    a community admin
  linli invite <estate> --role panelist --party P       a 红"栋"力 panelist (P: community, property, owners_committee, resident_rep)
  linli invite <estate> --role property --company NAME  staff of a property-service company (linli property add)
  linli invite <estate> --role committee --party P      a property management committee member (P: community, grid, residents, property)
  linli invite <estate> --group [--zone Z | --building B]  link the group the code is sent in
  options: --days N (valid for N days, default 7)`;

// No 0/O, 1/I/L: the code is read aloud and typed on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A fresh one-time code, 8 characters (31^8 ≈ 8.5 × 10^11). */
export function newInvitationCode(): string {
  return Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

const ROLES: readonly RoleName[] = ['grid_worker', 'head', 'admin', 'panelist', 'property', 'committee'];
const COMMITTEE_PARTIES: readonly CommitteeParty[] = ['community', 'grid', 'residents', 'property'];
const ESTATE_WIDE: readonly RoleName[] = ['admin', 'panelist', 'property', 'committee'];

/** What `linli invite …` asks for, once its command line parsed and its role fits its scope. */
export interface InviteRequest {
  estateCode: string;
  role: RoleName | undefined;
  group: boolean;
  zoneCode: string | undefined;
  buildingCode: string | undefined;
  /** A panelist's party on the 红"栋"力 panel, or a committee member's; undefined for every other role. */
  party: PanelParty | CommitteeParty | undefined;
  /** For role property: the name of the company (as in `linli property add`). */
  company: string | undefined;
  days: number;
}

/** Parse `linli invite` arguments strictly, and refuse a scope that does not fit the role. */
export function parseInviteArgs(args: readonly string[]): { ok: true; request: InviteRequest } | RefusedFlags {
  const parsed = parseFlags(args, { role: 'string', group: 'boolean', zone: 'string', building: 'string', party: 'string', company: 'string', days: 'string' }, { min: 1, max: 1 }, USAGE);
  if (!parsed.ok) return parsed;
  const [estateCode] = parsed.positionals;
  const { group, zone: zoneCode, building: buildingCode } = parsed.flags;
  const role = parsed.flags.role as RoleName | undefined;
  const party = parsed.flags.party as PanelParty | CommitteeParty | undefined;
  const company = parsed.flags.company;
  const days = /^\d{1,2}$/.test(parsed.flags.days ?? '7') ? Number(parsed.flags.days ?? 7) : Number.NaN;
  const fail = (why: string): RefusedFlags => ({ ok: false, code: 2, text: `${why}\n${USAGE}` });
  // A scope that does not fit the role is one line: the code would say one thing and grant another.
  const refuse = (why: string): RefusedFlags => ({ ok: false, code: 2, text: why });
  if (group === (role !== undefined)) return fail('give --role or --group');
  if (role !== undefined && !ROLES.includes(role)) return fail(`unknown role "${role}"`);
  if (role === 'panelist' && !party) return fail('a panelist needs --party');
  if (role === 'committee' && !party) return fail(`a committee member needs --party (${COMMITTEE_PARTIES.join(', ')})`);
  if (role === 'committee' && !COMMITTEE_PARTIES.includes(party as CommitteeParty)) return fail(`a committee member's --party is one of ${COMMITTEE_PARTIES.join(', ')}`);
  if (party !== undefined && role !== 'committee' && (role !== 'panelist' || !PANEL_PARTIES.includes(party as PanelParty)))
    return fail(`--party is for a panelist (${PANEL_PARTIES.join(', ')}) or a committee member (${COMMITTEE_PARTIES.join(', ')})`);
  if (role === 'property' && !company) return fail('a property company’s staff member needs --company');
  if (company !== undefined && role !== 'property') return fail('--company is for --role property');
  if (zoneCode && buildingCode) return refuse('give --zone or --building, not both');
  if (role === 'admin' && (zoneCode || buildingCode)) return refuse(`an admin is estate-wide: drop --${zoneCode ? 'zone' : 'building'} (for one zone, invite a grid worker)`);
  if (role !== undefined && role !== 'admin' && ESTATE_WIDE.includes(role) && (zoneCode || buildingCode)) return refuse(`a ${role} serves the whole estate: drop --${zoneCode ? 'zone' : 'building'}`);
  if (role === 'grid_worker' && buildingCode) return refuse('a grid worker serves a zone: give --zone, not --building');
  if (role === 'head' && zoneCode) return refuse('a building head serves a building: give --building, not --zone');
  if (role === 'grid_worker' && !zoneCode) return fail('a grid worker needs --zone');
  if (role === 'head' && !buildingCode) return fail('a building head needs --building');
  if (!Number.isInteger(days) || days < 1 || days > 90) return fail('--days must be 1 to 90');
  return { ok: true, request: { estateCode, role, group, zoneCode, buildingCode, party, company, days } };
}

/**
 * `linli invite`: make a one-time code that gives a role to whoever sends `邀请码 <code>` to the bot,
 * or links the group it is sent in. Identity stays the platform user id: the admin never needs
 * to find it, only to hand the code to the right person.
 */
export async function runInviteCommand(args: string[], db: Kysely<Database>, out: (line: string) => void, now: Date = new Date()): Promise<number> {
  const parsed = parseInviteArgs(args);
  if (!parsed.ok) return (out(parsed.text), parsed.code);
  const { estateCode, role, group, zoneCode, buildingCode, party, company, days } = parsed.request;
  const fail = (why: string) => {
    out(`${why}\n${USAGE}`);
    return 2;
  };

  const estate = await db.selectFrom('estates').select(['id', 'name']).where('code', '=', estateCode).executeTakeFirst();
  if (!estate) return fail(`no estate with code "${estateCode}"`);
  let zoneId: number | null = null;
  let buildingId: number | null = null;
  let scope = estate.name;
  let companyId: number | null = null;
  if (company !== undefined) {
    const c = await db.selectFrom('property_companies').select('id').where('estate_id', '=', estate.id).where('name', '=', company).where('ended_at', 'is', null).executeTakeFirst();
    if (!c) return fail(`estate ${estateCode} has no property company "${company}" in service (linli property list ${estateCode})`);
    companyId = c.id;
    scope += ` ${company}`;
  }
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
      .values({ code, estate_id: estate.id, kind: group ? 'group' : 'role', role: role ?? null, zone_id: zoneId, building_id: buildingId, party: party ?? null, property_company_id: companyId, created_at: now, expires_at: expires })
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
