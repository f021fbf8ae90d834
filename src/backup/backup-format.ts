/** The first line of a backup: what it holds, to check before anything is written. */
export interface BackupHeader {
  format: 'linli-backup';
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** The server the backup came from, for the operator; restore does not depend on it. */
  postgres: string;
  /** The migrations applied in the source, in order: a restore needs exactly these. */
  migrations: string[];
  /** Every application table, parents before children, with its row count. */
  tables: Array<{ name: string; rows: number }>;
}

/** The line that opens one table's rows. */
export interface TableLine {
  table: string;
  columns: string[];
  rows: number;
}

/** The last line: the SHA-256 of every byte before it (uncompressed). */
export interface TrailerLine {
  end: true;
  sha256: string;
}

/** Bumped when a reader of the old format could not read the new one. */
export const BACKUP_VERSION = 1;

/** A backup or a restore that cannot go on; the message is one line saying why. */
export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackupError';
  }
}
