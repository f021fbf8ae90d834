import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CHAT_ID, consoleUserId } from '../src/adapters/console/identity.js';
import { findHousehold } from '../src/members/households.js';
import { ensureRound } from '../src/scoring/rounds.js';
import { DEFAULT_RULES } from '../src/scoring/rules.js';
import { ACTORS as BASE_ACTORS, NAMES as BASE_NAMES } from './support/actors.js';
import { startPipeline, type Pipeline } from './support/pipeline.js';

// The 红"栋"力 commands (issue 14), each tried by every role of the other matrices plus a panelist.
type Actor = (typeof BASE_ACTORS)[number] | 'panelist';
const ACTORS: Actor[] = [...BASE_ACTORS, 'panelist'];
const NAMES: Record<Actor, string> = { ...BASE_NAMES, panelist: '评委社区' };
const PANEL_ONLY = /这个操作只有评委可以做/;

interface Case {
  name: string;
  /** Sets up what the command needs (fresh for every actor) and returns the text to send. */
  text: () => Promise<string>;
  /** Panel work is private; what anyone may ask goes in the group. */
  privately: boolean;
  allowed: Actor[];
  ok: RegExp;
  mutates: boolean;
  /** What a refused actor is told, when it is the same for all. */
  refusal?: RegExp;
}

describe('authorization matrix, part 3: 红"栋"力 × every role and the panel', () => {
  let p: Pipeline;
  let resident = 0;
  let household = 0;
  let openRoundId = 0;
  let publishedRoundId = 0;
  let unit82 = 0;
  let fresh = 0;

  const say = (actor: Actor, text: string, privately: boolean) => {
    const name = NAMES[actor];
    return privately ? p.deliver({ ...p.message(name, text), isPrivate: true, chatId: consoleUserId(name) }) : p.say(name, text);
  };
  const freshEvidence = async () => {
    const now = p.clock.now();
    const t = await p.t.db
      .insertInto('tickets')
      .values({
        estate_id: 1, category: 'flying_wire', text: '8栋2单元飞线充电', status: 'open', zone_id: null, building_id: null, owner_member_id: null, reporter_member_id: resident,
        origin_platform: 'console', origin_chat_id: CONSOLE_CHAT_ID, cycle_started_at: now, accept_due_at: now, resolve_due_at: now, rating: null, source_key: `fixture-${++fresh}`, created_at: now, updated_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const e = await p.t.db.insertInto('scoring_evidence').values({ round_id: openRoundId, unit_id: unit82, ticket_id: t.id, proposal: 'veto', item: 'flying_wire', decision: null, reason: null, decided_by: null, decided_at: null, created_at: now }).returning('id').executeTakeFirstOrThrow();
    return `E${e.id}`;
  };
  // A closed month with nothing undecided, later than the last one, so it is the one the panel publishes.
  const freshClosedRound = async () => {
    const month = `2025-${String(++fresh % 12 || 12).padStart(2, '0')}`;
    await p.t.db.insertInto('scoring_rounds').values({ estate_id: 1, month, rules: JSON.stringify(DEFAULT_RULES), status: 'closed', closes_at: new Date('2025-12-31T00:00:00Z'), created_at: p.clock.now() }).execute();
  };
  const freshAppeal = async () => {
    const a = await p.t.db
      .insertInto('scoring_appeals')
      .values({ round_id: publishedRoundId, unit_id: unit82, member_id: resident, household_id: household, text: '不服', origin_platform: 'console', origin_chat_id: CONSOLE_CHAT_ID, source_key: `fixture-appeal-${++fresh}`, created_at: p.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    return `A${a.id}`;
  };
  const snapshot = async () => ({
    scores: await p.t.db.selectFrom('scoring_scores').select(['unit_id', 'criterion', 'points']).orderBy('unit_id').orderBy('criterion').execute(),
    bonuses: await p.t.db.selectFrom('scoring_bonuses').select('id').orderBy('id').execute(),
    evidence: await p.t.db.selectFrom('scoring_evidence').select(['id', 'decision']).orderBy('id').execute(),
    rounds: await p.t.db.selectFrom('scoring_rounds').select(['id', 'status']).orderBy('id').execute(),
    publications: await p.t.db.selectFrom('scoring_publications').select(['round_id', 'version']).orderBy('round_id').execute(),
    appeals: await p.t.db.selectFrom('scoring_appeals').select(['id', 'status']).orderBy('id').execute(),
    audit: await p.t.db.selectFrom('audit_log').select('id').orderBy('id').execute(),
  });

  const everyone: Actor[] = ACTORS;
  const cases: Case[] = [
    { name: 'rules', text: async () => '评比规则', privately: false, allowed: everyone, ok: /红“栋”力评比规则/, mutates: false },
    { name: 'standing', text: async () => '评比 8-2', privately: false, allowed: everyone, ok: /8-2 2026年10月红“栋”力评比/, mutates: false },
    { name: 'score', text: async () => '评分 8-1 卫生18 志愿9', privately: true, allowed: ['panelist'], ok: /已记录您对 8-1 的2026年11月评分/, mutates: true, refusal: PANEL_ONLY },
    { name: 'bonus', text: async () => '加分 8-1 考取大学', privately: true, allowed: ['panelist'], ok: /8-1.*考取大学/, mutates: true, refusal: PANEL_ONLY },
    { name: 'evidence list', text: async () => '证据', privately: true, allowed: ['panelist'], ok: /2026年11月(的证据|没有需要评委处理的证据)/, mutates: false, refusal: PANEL_ONLY },
    { name: 'evidence decide', text: async () => `证据 ${await freshEvidence()} 确认 现场核实`, privately: true, allowed: ['panelist'], ok: /已确认：现场核实/, mutates: true, refusal: PANEL_ONLY },
    { name: 'publish', text: async () => (await freshClosedRound(), '公布评比'), privately: true, allowed: ['panelist', 'admin'], ok: /评比结果已公布到 \d+ 个群/, mutates: true, refusal: PANEL_ONLY },
    { name: 'appeal', text: async () => '申诉 8-2 堆的是婴儿车', privately: false, allowed: ['resident', 'otherResident'], ok: /已收到申诉 A\d+（8-2）/, mutates: true },
    { name: 'review', text: async () => `复核 ${await freshAppeal()} 维持 核实无误`, privately: true, allowed: ['panelist'], ok: /复核结果：维持/, mutates: true, refusal: PANEL_ONLY },
  ];

  beforeAll(async () => {
    p = await startPipeline('auth_matrix_scoring', 'redis', { now: new Date('2026-11-20T02:00:00Z') });
    const estate = await p.t.db.selectFrom('estates').selectAll().executeTakeFirstOrThrow();
    await p.t.db.insertInto('invitations').values({ code: 'MATRIXP1', estate_id: 1, kind: 'role', role: 'panelist', zone_id: null, building_id: null, party: 'community', created_at: p.clock.now(), expires_at: new Date('2026-12-31T00:00:00Z') }).execute();
    expect(await say('panelist', '邀请码 MATRIXP1', true)).toEqual(['linli: 欢迎！您已成为聚心苑的红“栋”力评委。发“帮助”查看可以做的事。']);
    for (const [name, room] of [['向大叔', '8-2-301'], ['邻居乙', '8-2-302']]) {
      const b = /B\d+/.exec((await p.say(name, `绑定 ${room}`))[0])![0];
      await p.say('刘雅玲', `确认 ${b}`);
    }
    resident = (await p.t.db.selectFrom('members').select('id').where('platform_user_id', '=', consoleUserId('向大叔')).executeTakeFirstOrThrow()).id;
    household = (await findHousehold(p.t.db, 1, '8-2-301'))!.id;
    unit82 = (await p.t.db.selectFrom('households').select('unit_id').where('id', '=', household).executeTakeFirstOrThrow()).unit_id as number;
    openRoundId = (await ensureRound(p.t.db, estate, '2026-11', p.clock.now())).id;
    // October is published, and open to appeals until December.
    const now = p.clock.now();
    const oct = await p.t.db.insertInto('scoring_rounds').values({ estate_id: 1, month: '2026-10', rules: JSON.stringify(DEFAULT_RULES), status: 'published', closes_at: now, published_at: now, appeal_until: new Date('2026-12-01T00:00:00Z'), created_at: now }).returning('id').executeTakeFirstOrThrow();
    publishedRoundId = oct.id;
    await p.t.db.insertInto('scoring_publications').values({ round_id: oct.id, version: 1, appeal_id: null, published_by: null, created_at: now }).execute();
    const detail = { unitId: unit82, status: 'scored', cards: 2, counted: 2, trimmed: false, byCriterion: {}, base: 9000, deduction: 0, bonus: 0, total: 9000, vetoes: [] };
    await p.t.db.insertInto('scoring_results').values({ round_id: oct.id, version: 1, unit_id: unit82, status: 'scored', total_centi: 9000, rank: 1, flag: true, detail: JSON.stringify(detail) }).execute();
  });
  afterAll(() => p.close());

  for (const c of cases) {
    it(`${c.name}: allowed for ${c.allowed.join(', ')}; refused, with no change, for the rest`, async () => {
      for (const actor of ACTORS) {
        const text = await c.text();
        const before = await snapshot();
        const reply = (await say(actor, text, c.privately)).join('\n');
        const after = await snapshot();
        if (c.allowed.includes(actor)) {
          expect(reply, `${c.name} by ${actor}`).toMatch(c.ok);
          if (c.mutates) expect(after, `${c.name} by ${actor} changed something`).not.toEqual(before);
        } else {
          expect(reply, `${c.name} by ${actor}`).not.toMatch(c.ok);
          if (c.refusal && actor !== 'stranger') expect(reply, `${c.name} by ${actor}`).toMatch(c.refusal);
          expect(after, `${c.name} by ${actor} changed nothing`).toEqual(before);
        }
      }
    });
  }

  it('never shows a panelist’s or a resident’s name in what the group sees of scoring', async () => {
    const group = await p.t.db.selectFrom('outbox').select('text').where('chat_id', '=', CONSOLE_CHAT_ID).where((eb) => eb.or([eb('text', 'like', '%评比%'), eb('text', 'like', '%申诉%')])).execute();
    expect(group.length).toBeGreaterThan(0);
    for (const row of group) for (const name of Object.values(NAMES)) expect(row.text).not.toContain(name);
  });
});
