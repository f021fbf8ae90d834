import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import type { Locale } from '../commands/locale.js';
import { COMMITTEE_KEY_PREFIX } from '../committee/rating-survey.js';
import type { Database } from '../db/database.js';
import { translator } from '../i18n/translator.js';
import { writeScheduled } from '../outbox/write-outbox.js';
import { parseSurveyDefinition } from '../survey/survey-definition.js';
import { surveyGroups } from '../survey/survey-groups.js';
import { lastMinute, surveyClosesAt } from '../survey/survey-period.js';
import { householdsInScope } from '../survey/survey-repository.js';
import { surveyText } from '../survey/survey-text.js';
import { parseFlags } from './parse-flags.js';

const USAGE = `usage: linli survey <estate> <file>
  start a survey written in a UTF-8 text file, as the chat's 新建问卷 reads it, one part a line:
    12月满意度
    1. 环境卫生
    2. 最需要改进 [保洁/维修/保安]
    意见：其他建议
    截止 12-15
    范围 第三片区
  the residents' groups in its scope hear of it within 5 minutes; the same file again changes nothing`;

/** Parse `linli survey` arguments strictly. */
export function parseSurveyArgs(args: readonly string[]) {
  return parseFlags(args, {}, { min: 2, max: 2 }, USAGE);
}

/** `linli survey <estate> <file>`: a survey from a file (once per estate and file content). */
export async function runSurveyCommand(args: string[], db: Kysely<Database>, out: (line: string) => void, now: Date = new Date()): Promise<number> {
  const parsed = parseSurveyArgs(args);
  if (!parsed.ok) {
    out(parsed.text);
    return parsed.code;
  }
  const [code, file] = parsed.positionals;
  const fail = (why: string, exit = 2) => {
    out(`linli: ${why}`);
    return exit;
  };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return fail(`cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`, 1);
  }
  const estate = await db.selectFrom('estates').selectAll().where('code', '=', code).executeTakeFirst();
  if (!estate) return fail(`no estate "${code}" (linli estates lists them)`);
  const def = parseSurveyDefinition(text);
  if ('error' in def) return fail(`${file}: ${translator('en').t(def.error)}`);
  let zoneId: number | null = null;
  let buildingId: number | null = null;
  if (def.scope?.kind === 'building') {
    buildingId = (await db.selectFrom('buildings').select('id').where('estate_id', '=', estate.id).where('code', '=', def.scope.code).executeTakeFirst())?.id ?? null;
    if (buildingId === null) return fail(`estate ${code} has no building "${def.scope.code}"`);
  } else if (def.scope?.kind === 'zone') {
    zoneId = (await db.selectFrom('zones').select('id').where('estate_id', '=', estate.id).where('code', '=', def.scope.code).executeTakeFirst())?.id ?? null;
    if (zoneId === null) return fail(`estate ${code} has no zone "${def.scope.code}"`);
  }
  const sourceKey = `file-${estate.id}-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  const { t } = translator(estate.locale as Locale);
  const made = await db.transaction().execute(async (tx) => {
    const survey = await tx
      .insertInto('surveys')
      .values({
        estate_id: estate.id,
        title: def.title.slice(0, 100),
        questions: JSON.stringify(def.questions),
        free_text: def.freeText,
        zone_id: zoneId,
        building_id: buildingId,
        opens_at: now,
        closes_at: surveyClosesAt(def.closesOn, now, estate.time_zone),
        property_company_id: null,
        created_by: null,
        source_key: sourceKey,
        created_at: now,
      })
      .onConflict((c) => c.column('source_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (!survey) return null;
    // Written now, handed to the outbound queue by the committee sweep (the command line has no queue).
    for (const g of await surveyGroups(tx, survey)) {
      await writeScheduled(tx, `${COMMITTEE_KEY_PREFIX}survey-${survey.id}-g${g.id}`, { to: { platform: g.platform, chatId: g.chatId }, text: surveyText(t, survey, estate.time_zone, 'survey_announce'), mentions: [] }, now);
    }
    await tx.insertInto('audit_log').values({ estate_id: estate.id, actor_member_id: null, action: 'survey.create', subject: `S${survey.id}`, detail: JSON.stringify({ title: survey.title, file }), created_at: now }).execute();
    return { survey, households: (await householdsInScope(tx, survey)).length };
  });
  if (made === null) {
    const existing = await db.selectFrom('surveys').select('id').where('source_key', '=', sourceKey).executeTakeFirstOrThrow();
    out(`already started from this file: S${existing.id} (nothing changed)`);
    return 0;
  }
  out(`started S${made.survey.id} ${made.survey.title}: ${def.questions.length} questions, ${made.households} households, until ${lastMinute(made.survey.closes_at).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  return 0;
}
