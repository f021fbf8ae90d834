import type { ArgumentReader } from '../command-row.js';
import { restFolded } from '../parse-input.js';
import { command } from '../parsed-command.js';

/** 帮助 / /help: only alone (帮助一下老人 is chatter); a bare "?" only when said to the bot. */
export const readHelp: ArgumentReader<'help'> = (msg, rest, how) => {
  const folded = restFolded(msg, rest).replace(/^[?\s]+/, '');
  // In a group "？" is a shrug at the last message, not a question to the bot.
  if (how.word === '?' && !msg.addressed) return null;
  return folded === '' || rest.slash ? command('help', {}) : null;
};
