import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** `linli groups` — placeholder until group linking lands (issue 3): lists known chats. */
export async function runGroupsCommand(_args: string[], db: Kysely<Database>, out: (line: string) => void): Promise<number> {
  const rows = await db.selectFrom('chat_groups as g').leftJoin('estates as e', 'e.id', 'g.estate_id').select(['g.platform', 'g.chat_id', 'e.code']).orderBy('g.id').execute();
  for (const r of rows) out(`${r.platform} ${r.chat_id} ${r.code ?? '(not linked)'}`);
  return 0;
}
