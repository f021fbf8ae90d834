// What a database (or its disk) being unavailable looks like from node-postgres: network errors
// of the connection, and the SQLSTATEs of a server that is shutting down, starting, or out of room.
const NETWORK = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND']);
const SQLSTATE = /^(08|53|57P0|58)/;
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|No space left on device|could not extend file|terminating connection due to administrator command/i;

/**
 * True when an error says the database is unavailable (down, restarting, unreachable, disk full)
 * rather than that the job itself is wrong: worth retrying for a long time, and worth one log line
 * per interval, not one per job.
 */
export function isOutage(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (NETWORK.has(code) || SQLSTATE.test(code))) return true;
  if (MESSAGES.test(e.message)) return true;
  if (e instanceof AggregateError) return e.errors.some(isOutage);
  return e.cause !== undefined && e.cause !== e && isOutage(e.cause);
}
