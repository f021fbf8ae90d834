/** A patrol's span; `endedAt` null while it is still open. */
export interface PatrolSpan {
  startedAt: Date;
  endedAt: Date | null;
}

const MINUTE_MS = 60_000;

/**
 * Whole minutes a patrol counts for: from start to end (or to `now` while open), never more
 * than `boundMinutes` (a patrol left open counts only up to where it is closed automatically).
 */
export function patrolMinutes(p: PatrolSpan, now: Date, boundMinutes: number): number {
  const end = p.endedAt ?? now;
  const ms = Math.max(0, end.getTime() - p.startedAt.getTime());
  return Math.min(Math.floor(ms / MINUTE_MS), boundMinutes);
}

/** Minutes of several patrols added up (each counted on the local day it started). */
export function totalMinutes(patrols: readonly PatrolSpan[], now: Date, boundMinutes: number): number {
  return patrols.reduce((sum, p) => sum + patrolMinutes(p, now, boundMinutes), 0);
}

/** When an open patrol that started at `startedAt` is closed automatically. */
export function autoCloseAt(startedAt: Date, boundMinutes: number): Date {
  return new Date(startedAt.getTime() + boundMinutes * MINUTE_MS);
}

/** Minutes as hours and minutes: 95 → { hours: 1, minutes: 35 }. */
export function hoursAndMinutes(total: number): { hours: number; minutes: number } {
  return { hours: Math.floor(total / 60), minutes: total % 60 };
}
