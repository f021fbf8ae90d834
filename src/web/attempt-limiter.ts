/**
 * Sign-in attempts per client address: `burst` at once, then one more every `refillMs`. In
 * memory, per web process: guessing a 256-bit token is hopeless anyway; this keeps a scanner
 * from filling the logs and the database with lookups.
 */
export function attemptLimiter(burst: number, refillMs: number, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** True when `key` may try once more now (and counts the try). */
    allow(key: string): boolean {
      const t = now();
      const b = buckets.get(key) ?? { tokens: burst, at: t };
      b.tokens = Math.min(burst, b.tokens + (t - b.at) / refillMs);
      b.at = t;
      buckets.set(key, b);
      // Forget full buckets now and then, so the map does not grow with every address ever seen.
      if (buckets.size > 10_000) for (const [k, v] of buckets) if (v.tokens >= burst - 1) buckets.delete(k);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}
