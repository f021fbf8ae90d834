import type { ColumnType } from 'kysely';

/** A timestamp column: read as a Date, written as a Date or an ISO string. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in on insert and nobody updates. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A json(b) column: read as T, written as its JSON text. */
export type Json<T> = ColumnType<T, string, string>;
