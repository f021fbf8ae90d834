/** Yuan from fen for display: 6000 → '60', 6050 → '60.50'. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100);
  const cents = abs % 100;
  return sign + (cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0')}`);
}
