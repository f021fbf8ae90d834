import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** One 台账 export as the audit log keeps it. */
export interface LedgerExportAudit {
  estateId: number;
  actorMemberId: number;
  /** The zone exported, or null for the whole estate. */
  zone: { code: string } | null;
  file: { households: number; rows: number };
  /** The command key of the chat's 导出台账, or the web download's own key. */
  key: string;
  at: Date;
}

/**
 * Record that a staff member took the 台账 (it holds residents' names): the one record both the
 * chat's 导出台账 and the web's download write, so the log reads the same whichever was used.
 */
export async function auditLedgerExport(db: Db, a: LedgerExportAudit): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      estate_id: a.estateId,
      actor_member_id: a.actorMemberId,
      action: 'export_ledger',
      subject: a.zone ? `zone ${a.zone.code}` : 'estate',
      detail: JSON.stringify({ households: a.file.households, rows: a.file.rows, key: a.key }),
      created_at: a.at,
    })
    .execute();
}
