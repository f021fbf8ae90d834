import type { Translator } from '../i18n/translator.js';
import type { ReplyButton } from '../outbox/outgoing-message.js';

const DECISION_CHOICES = ['yes', 'no', 'abstain'] as const;

/**
 * The buttons under a message that asks for a ballot: 同意 / 反对 / 弃权 for an owners' decision,
 * one per option for a poll. Pressing one is the presser typing the ballot command, so the worker
 * checks who may vote exactly as for a typed ballot.
 */
export function ballotButtons(i18n: Translator, ref: string, options: readonly string[] | null): ReplyButton[] {
  if (options === null) return DECISION_CHOICES.map((choice) => ({ label: i18n.t('choice_word', { choice, options: null }), says: i18n.t('ballot_says', { ref, choice }) }));
  return options.map((_, i) => {
    const choice = String(i + 1);
    return { label: i18n.t('choice_word', { choice, options: [...options] }), says: i18n.t('ballot_says', { ref, choice }) };
  });
}
