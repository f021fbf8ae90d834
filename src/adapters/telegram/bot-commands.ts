import type { BotCommand, LanguageCode } from 'grammy/types';
import type { CatalogKey } from '../../i18n/catalogs.js';
import { translator } from '../../i18n/translator.js';
import type { Locale } from '../../commands/locale.js';

// The slash commands shown in Telegram's menu (the parser knows a few more aliases).
const COMMANDS = [
  'help', 'bind', 'paid', 'status', 'complain', 'tickets', 'rate',
  'confirm', 'reject', 'collect', 'unpaid', 'accept', 'resolve', 'remind', 'urge', 'tally', 'notice', 'claim',
] as const;

/** The command menu in one language, for `setMyCommands`. */
export function botCommands(locale: Locale): BotCommand[] {
  const { t } = translator(locale);
  return COMMANDS.map((command) => ({ command, description: t(`botcmd_${command}` as CatalogKey & `botcmd_${string}`) }));
}

/** Which menu goes to which user language: Chinese by default, English for `en` clients. */
export const MENU_LANGUAGES: ReadonlyArray<{ languageCode: LanguageCode | null; locale: Locale }> = [
  { languageCode: null, locale: 'zh-Hans' },
  { languageCode: 'zh', locale: 'zh-Hans' },
  { languageCode: 'en', locale: 'en' },
];
