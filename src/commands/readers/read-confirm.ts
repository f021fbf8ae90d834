import type { ArgumentReader } from '../command-row.js';
import { restAt } from '../parse-input.js';
import { command, type CommandItem } from '../parsed-command.js';
import { readRef, refAt } from './read-ref.js';

/** Most refs one 确认 may name. */
const MAX_REFS = 100;

/** 确认 P12, or several at once: 确认 P12 P13 P14 (each an item, checked on its own). */
export const readConfirm: ArgumentReader<'confirm'> = (msg, rest, how) => {
  const first = readRef(msg, rest, how, 'PB');
  if (first === null || 'error' in first) return first;
  const refs: { ref: string | null; line: string }[] = [{ ref: first.ref, line: first.ref }];
  let end = first.end;
  for (;;) {
    const next = restAt(msg, end, true);
    const hit = refAt(msg.folded, next.start);
    if (hit === null || refs.length >= MAX_REFS) break;
    const line = msg.clean.slice(next.start, hit.end).trim();
    refs.push({ ref: hit.ref !== null && 'PB'.includes(hit.letter) ? hit.ref : null, line });
    end = hit.end;
  }
  if (refs.length === 1) return command('confirm', { ref: first.ref });
  const items: CommandItem[] = refs.map((r) => ({ line: r.line, room: null, amountFen: null, months: null, ref: r.ref, text: null, plan: null, error: r.ref === null ? 'ref_invalid' : null }));
  return command('confirm', { ref: first.ref, items });
};
