import { commandProcessor } from './run-command.js';

/** For commands the parser knows but whose feature has not landed: a polite, honest reply. */
export function notYetAvailable(name: string) {
  return commandProcessor(name, async (ctx) => ctx.reply(ctx.i18n.t('not_available')));
}
