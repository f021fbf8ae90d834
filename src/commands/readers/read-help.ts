import type { ArgumentReader } from '../command-row.js';
import { restFolded } from '../parse-input.js';
import { command } from '../parsed-command.js';

/** 帮助 / ? / /help: only alone (帮助一下老人 is chatter). */
export const readHelp: ArgumentReader<'help'> = (msg, rest) => {
  const folded = restFolded(msg, rest).replace(/^[?\s]+/, '');
  return folded === '' || rest.slash ? command('help', {}) : null;
};
