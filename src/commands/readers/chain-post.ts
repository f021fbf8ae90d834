import { createHash } from 'node:crypto';
import { foldText } from '../../text/fold-text.js';
import { findRoomCode } from '../../text/room-code.js';
import type { ArgumentReader, SentenceReader } from '../command-row.js';
import { moneyFields, readMoney } from '../money.js';
import type { ParseInput } from '../parse-input.js';
import { command, type CommandItem, type ParsedAs } from '../parsed-command.js';

/** Most lines of a 接龙 read; WeChat's own lists stop well before this. */
export const MAX_CHAIN_LINES = 1000;
/** Longest header kept (the chain's name: its key in Postgres). */
const MAX_HEADER = 200;

// "#接龙", "接龙：卫生费已交", "【接龙】": the first line names it a chain.
const HEADER = /^[\s#【[]*接龙/;
// A chain about the fee: a 接龙 for a group buy or a headcount (#接龙 周六团购鸡蛋) is chatter.
const ABOUT_THE_FEE = /卫生费|清洁费|保洁费|缴费|交费|收费|已交|已缴|交钱|费用/;
// "1. 8-2-301 60元", "12、8栋2单元301 六十", "3) …": a numbered line of the list.
const NUMBERED = /^\s*(\d{1,4})\s?[.、)）:]\s*/;

/** The message's lines as [start, end) of the text, from `start` on. */
function linesOf(msg: ParseInput, start: number): { start: number; end: number }[] {
  const breaks = (msg.lineBreaks ?? []).filter((b) => b >= start);
  const out: { start: number; end: number }[] = [];
  let at = start;
  for (const b of breaks) {
    out.push({ start: at, end: b });
    at = b + 1;
  }
  out.push({ start: at, end: msg.folded.length });
  return out;
}

/** A line's identity in its chain: what it says, its numbering and spacing aside (WeChat renumbers). */
export function chainLineKey(folded: string): string {
  const said = folded.replace(NUMBERED, '').replace(/[\s,.!~、。;:]+/g, '');
  return createHash('sha1').update(said).digest('hex').slice(0, 20);
}

function readLine(msg: ParseInput, span: { start: number; end: number }, number: string, numbering: number): CommandItem {
  const folded = msg.folded.slice(span.start + numbering, span.end);
  const key = chainLineKey(msg.folded.slice(span.start, span.end));
  const found = findRoomCode(folded);
  const room = found?.room ?? null;
  const money = moneyFields(readMoney(folded, () => true));
  const error = found !== null && room === null ? 'room_invalid' : money.error ?? (money.amountFen === null && money.months === null ? 'amount_required' : null);
  // The line names the household and the sum, never the words around them (a name stays out of the job).
  return { line: room ?? `${number}.`, room, amountFen: money.amountFen, months: money.months, ref: null, text: key, error, plan: null };
}

/**
 * A 接龙 (WeChat solitaire list) as a member posts it: a header line (#接龙 卫生费已交, maybe more
 * lines describing it), then numbered lines (1. 8-2-301 60元). `text` is the header, the chain's
 * name; each numbered line is an item whose `text` is the line's key (its words hashed, so the
 * line is known again when the whole list is reposted, and no name rides in the job).
 */
export const readChainPost: SentenceReader<'chain'> = (msg, start) => readChain(msg, start, true);

/** /chain with the header and the list on the following lines (Telegram); the header need not say 接龙. */
export const readChainSlash: ArgumentReader<'chain'> = (msg, rest) => readChain(msg, rest.start, false);

function readChain(msg: ParseInput, start: number, named: boolean): ParsedAs<'chain'> | null {
  const lines = linesOf(msg, start);
  if (lines.length < 2 || (named && !HEADER.test(msg.folded.slice(lines[0].start, lines[0].end)))) return null;
  const header: string[] = [];
  const items: CommandItem[] = [];
  for (const span of lines) {
    const numbered = NUMBERED.exec(msg.folded.slice(span.start, span.end));
    if (numbered === null) {
      if (items.length === 0) header.push(msg.clean.slice(span.start, span.end).trim());
      continue;
    }
    if (items.length >= MAX_CHAIN_LINES) break;
    if (msg.folded.slice(span.start + numbered[0].length, span.end).trim() === '') continue;
    items.push(readLine(msg, span, numbered[1], numbered[0].length));
  }
  if (items.length === 0) return null;
  if (named && !ABOUT_THE_FEE.test(foldText(header.join(' ')))) return null;
  const text = header.filter((h) => h !== '').join(' ').replace(/\s+/g, ' ').slice(0, MAX_HEADER);
  return command('chain', { text, items });
}

/** The chain's key: its header, folded, hashed. */
export function chainKey(header: string): string {
  return createHash('sha1').update(foldText(header).replace(/\s+/g, '')).digest('hex').slice(0, 24);
}
