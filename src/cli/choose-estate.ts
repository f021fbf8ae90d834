import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Translator } from '../i18n/translator.js';

const DEFAULT_ESTATE = { code: 'default', name: '小区', time_zone: 'Asia/Shanghai' } as const;

/** An estate chosen for a file command. */
export interface ChosenEstate {
  id: number;
  code: string;
  time_zone: string;
}

/**
 * The estate named by --estate; else the only one; else (when `create`) a new 'default' when
 * there is none. Null after printing why, listing the estates there are.
 */
export async function chooseEstate(
  db: Kysely<Database>,
  code: string | null,
  out: (line: string) => void,
  t: Translator,
  create: boolean,
): Promise<ChosenEstate | null> {
  const estates = await db.selectFrom('estates').select(['id', 'code', 'time_zone']).orderBy('code').execute();
  const list = estates.map((e) => e.code).join(', ');
  if (code !== null) {
    const found = estates.find((e) => e.code === code);
    if (found === undefined) out(t.t('books_estate_unknown', { code, list }));
    return found ?? null;
  }
  if (estates.length === 1) return estates[0];
  if (estates.length > 1 || !create) {
    out(estates.length > 1 ? t.t('books_estates_several', { list }) : t.t('books_estate_unknown', { code: '—', list }));
    return null;
  }
  await db.insertInto('estates').values(DEFAULT_ESTATE).onConflict((oc) => oc.column('code').doNothing()).execute();
  const created = await db.selectFrom('estates').select(['id', 'code', 'time_zone']).where('code', '=', DEFAULT_ESTATE.code).executeTakeFirstOrThrow();
  out(t.t('books_estate_created', { code: DEFAULT_ESTATE.code, name: DEFAULT_ESTATE.name, tz: DEFAULT_ESTATE.time_zone }));
  return created;
}
