import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { SAFETY_PROBLEM } from '../text/problem-words.js';
import type { TicketCategory } from '../text/ticket-categories.js';

/** A hazard to life (flying-wire charging, gas, live wires): always offered, and said to be one. */
export function isSafetyCategory(category: TicketCategory, text: string): boolean {
  return category === 'flying_wire' || SAFETY_PROBLEM.test(foldText(cleanText(text)));
}
