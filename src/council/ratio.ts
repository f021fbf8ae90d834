/**
 * Thresholds of art. 278 as exact integer comparisons (cross-multiplication, BigInt), so a share
 * exactly at 2/3, 1/2 or 3/4 is decided without rounding. Areas are hundredths of m².
 */

/** part / whole ≥ num / den (三分之二以上, 四分之三以上: 以上 includes the bound). A zero whole is never met. */
export function atLeastShare(part: number, whole: number, num: number, den: number): boolean {
  if (whole <= 0) return false;
  return BigInt(part) * BigInt(den) >= BigInt(whole) * BigInt(num);
}

/** part / whole > num / den (过半数: strictly more than half). A zero whole is never met. */
export function moreThanShare(part: number, whole: number, num: number, den: number): boolean {
  if (whole <= 0) return false;
  return BigInt(part) * BigInt(den) > BigInt(whole) * BigInt(num);
}

/** A share as a whole per-mille, rounded down, for display only (never for a decision). */
export function perMille(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Number((BigInt(part) * 1000n) / BigInt(whole));
}
