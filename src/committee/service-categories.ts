import { categoryNamed, isTicketCategory, type TicketCategory } from '../text/ticket-categories.js';

// The services a property company is engaged for, as an estate names them, and the ticket
// categories each one covers.
const SERVICES: Readonly<Record<string, readonly TicketCategory[]>> = {
  维修: ['leak_drain', 'lighting_wiring'],
  repairs: ['leak_drain', 'lighting_wiring'],
  保洁: ['environment', 'clutter'],
  cleaning: ['environment', 'clutter'],
  保安: ['security', 'fire_lane'],
  security: ['security', 'fire_lane'],
  绿化: ['greenery'],
  greenery: ['greenery'],
};

/**
 * `维修,保洁` / `leak_drain,greenery` / `漏水、绿化` → ticket category codes, in their order, once each.
 * A word that names neither a service nor a category is returned as `unknown`.
 */
export function serviceCategories(list: string): { ok: true; categories: TicketCategory[] } | { ok: false; unknown: string } {
  const out: TicketCategory[] = [];
  for (const word of list.split(/[,，、/\s]+/).filter(Boolean)) {
    const named = SERVICES[word.toLowerCase()] ?? (isTicketCategory(word) ? [word] : null) ?? nameOnly(word);
    if (named === null) return { ok: false, unknown: word };
    for (const c of named) if (!out.includes(c)) out.push(c);
  }
  return out.length === 0 ? { ok: false, unknown: list } : { ok: true, categories: out };
}

function nameOnly(word: string): TicketCategory[] | null {
  const c = categoryNamed(word);
  return c === null ? null : [c];
}
