import { userText } from '../i18n/user-text.js';

// A reminder is a sentence or two; longer text was pasted by mistake.
const REMINDER_TEXT_MAX = 500;

/**
 * A reminder's words as the bot may echo them (on creation, in the list, when it fires): through
 * the same sanitiser as a complaint's text, so `@所有人` or `@username` typed by staff notifies no one.
 */
export function reminderText(message: string): string {
  return userText(message, REMINDER_TEXT_MAX);
}
