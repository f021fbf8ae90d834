import type { Translator } from '../i18n/translator.js';

/** How long ago, in the largest whole unit that fits (5分钟前, 3小时前, 4天前). */
export function claimAge(t: Translator['t'], from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return t('age_minutes', { n: minutes });
  if (minutes < 48 * 60) return t('age_hours', { n: Math.floor(minutes / 60) });
  return t('age_days', { n: Math.floor(minutes / 1440) });
}
