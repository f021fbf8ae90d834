import { createHash } from 'node:crypto';

/** The console's platform user id for a display name: stable, and free of ':' for job ids. */
export function consoleUserId(name: string): string {
  return 'c' + createHash('sha256').update(name.normalize('NFC').trim()).digest('hex').slice(0, 16);
}

/** The console's one group chat. */
export const CONSOLE_CHAT_ID = 'console-group';
