import pg from 'pg';

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
