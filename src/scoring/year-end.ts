import { roundDiv } from './centi.js';
import type { YearEndRewards } from './rules.js';

/** Units with the most red flags over the year: competition places within `topUnits`, at least one flag. */
export function yearEndWinners(flags: { unitId: number; flags: number }[], topUnits: number): { unitId: number; flags: number; place: number }[] {
  const sorted = flags.filter((f) => f.flags > 0).sort((a, b) => b.flags - a.flags || a.unitId - b.unitId);
  const out: { unitId: number; flags: number; place: number }[] = [];
  sorted.forEach((f, i) => {
    const place = i > 0 && sorted[i - 1].flags === f.flags ? out[i - 1].place : i + 1;
    if (place <= topUnits) out.push({ ...f, place });
  });
  return out;
}

/** A household's subsidy in fen: `percent` of a year's fee (12 months of `monthlyFen`), rounded half up. */
export function percentOfYearFen(monthlyFen: number, percent: number): number {
  return roundDiv(12 * monthlyFen * percent, 100);
}

/** A 三长's subsidy: their percent, plus the extra when an admin marked them diligent. */
export function headSubsidyFen(rewards: YearEndRewards, monthlyFen: number, diligent: boolean): number {
  return percentOfYearFen(monthlyFen, rewards.headsPercent + (diligent ? rewards.diligentExtraPercent : 0));
}
