import { userText } from '../i18n/user-text.js';
import type { Translator } from '../i18n/translator.js';
import type { ScoringRules } from './rules.js';

/** A piece of evidence as it is shown: what it proposes and how the panel decided. */
export type EvidenceRow = { proposal: 'veto' | 'deduction' | 'exempt'; item: string; points: number; decision: 'confirmed' | 'dismissed' | null; reason: string | null };

/** What a piece of evidence proposes, in words (建议一票否决（飞线充电）). */
export function proposalWords(t: Translator['t'], rules: ScoringRules, e: EvidenceRow): string {
  if (e.proposal === 'veto') return t('sc_proposal_veto', { item: rules.vetoes.find((v) => v.key === e.item)?.name ?? e.item });
  return e.proposal === 'deduction' ? t('sc_proposal_deduction', { points: e.points }) : t('sc_proposal_exempt');
}

/** The panel's decision on it, with the reason (待处理 while undecided). */
export function decisionWords(t: Translator['t'], e: EvidenceRow): string {
  if (e.decision === null) return t('sc_decision_open');
  const reason = userText(e.reason ?? '', 80);
  return e.decision === 'confirmed' ? t('sc_decision_confirmed', { reason }) : t('sc_decision_dismissed', { reason });
}
