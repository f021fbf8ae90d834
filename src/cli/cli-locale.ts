import type { Locale } from '../commands/locale.js';

/** The admin's language from the locale settings (LC_ALL, then LC_MESSAGES, then LANG): zh_TW/zh_HK → zh-Hant, zh* → zh-Hans, else en. */
export function cliLocale(env: Readonly<Record<string, string | undefined>>): Locale {
  const raw = (env.LC_ALL || env.LC_MESSAGES || env.LANG || '').toLowerCase();
  if (!raw.startsWith('zh')) return 'en';
  return /^zh[_-](tw|hk|mo)|hant/.test(raw) ? 'zh-Hant' : 'zh-Hans';
}
