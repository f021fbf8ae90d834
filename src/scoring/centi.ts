/** a / b rounded half up, for a ≥ 0 and b > 0, in integers (no floats anywhere in the scoring). */
export function roundDiv(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b <= 0) throw new RangeError(`roundDiv(${a}, ${b})`);
  return a >= 0 ? Math.floor((2 * a + b) / (2 * b)) : -Math.floor((-2 * a + b) / (2 * b));
}

/** Hundredths of a point as the panel reads them: 8250 → '82.5', 8200 → '82', 8205 → '82.05'. */
export function formatCenti(centi: number): string {
  const sign = centi < 0 ? '-' : '';
  const abs = Math.abs(centi);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}
