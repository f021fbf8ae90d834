import pg from 'pg';
import { StartupError } from '../config.js';

/** Can we log in to Postgres at `url` within `timeoutMs`? */
export async function pgReachable(url: string, timeoutMs = 2000): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/**
 * Why logging in failed, as a DATABASE_URL StartupError (refused, unknown host, wrong password,
 * no such database or role, no answer); null when `e` is not a failure to log in.
 */
export function loginFailure(e: unknown, url?: string): StartupError | null {
  const { code, message = String(e) } = e as { code?: string; message?: string };
  const u = url ? new URL(url) : null;
  const at = u ? ` at ${u.hostname}:${u.port || 5432}` : '';
  const why =
    code === 'ECONNREFUSED' ? `cannot reach Postgres${at} (connection refused: is it running, on that port?)`
    : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? `cannot find the host${u ? ` ${u.hostname}` : ''} (${message})`
    : code === '28P01' ? `Postgres${at} refused the password (${message})`
    : code === '28000' ? `Postgres${at} refused the login (${message})`
    : code === '3D000' ? `Postgres${at} has no such database (${message}); create it, or fix the name in DATABASE_URL`
    : code === 'ETIMEDOUT' || /timeout/i.test(message) ? `Postgres${at} did not answer (${message})`
    : null;
  return why ? new StartupError('DATABASE_URL', why, e) : null;
}

/** Log in to DATABASE_URL once; a failure is one line saying why. */
export async function checkDatabaseUrl(url: string, timeoutMs = 5000): Promise<void> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  c.on('error', () => {});
  try {
    await c.connect();
    await c.end();
  } catch (e) {
    throw loginFailure(e, url) ?? new StartupError('DATABASE_URL', `cannot log in to Postgres (${e instanceof Error ? e.message : String(e)})`, e);
  }
}
