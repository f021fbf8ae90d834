import { findRoomCode, findRoomCodes } from '../../text/room-code.js';
import type { ArgumentReader } from '../command-row.js';
import { mask, moneyFields, readMoney } from '../money.js';
import { findPlanWord } from '../plan-word.js';
import { restFolded, withText, type ParseInput } from '../parse-input.js';
import { command, usageError, type CommandItem, type ParsedAs } from '../parsed-command.js';

const PAYMENT_METHODS: readonly [string, string][] = [
  ['银行转账', '银行转账'], ['现金', '现金'], ['微信', '微信'], ['支付宝', '支付宝'],
  ['转账', '转账'], ['银行卡', '银行卡'], ['刷卡', '刷卡'], ['扫码', '扫码'], ['云闪付', '云闪付'],
  ['cash', '现金'], ['wechat', '微信'], ['alipay', '支付宝'], ['transfer', '转账'],
];

/** Most lines one batch may carry. */
export const MAX_BATCH_LINES = 200;

/** One collection: a room, an amount or period, and how it was paid. */
function readOne(msg: ParseInput, start: number): ParsedAs<'collect'> | null {
  const tail = msg.folded.slice(start);
  const found = findRoomCode(tail);
  if (found === null || found.room === null) return found !== null ? usageError('collect', 'room_invalid') : null;
  const room = found.room;
  const money = readMoney(tail, () => true);
  if (money.amount === null && money.months === null && !money.monthsInvalid) {
    return usageError('collect', 'amount_required', { room });
  }
  const named = findPlanWord(tail);
  const plan = named?.word ?? null;
  const { error, ...paid } = moneyFields(money);
  if (error !== null) return usageError('collect', error, { room, ...paid, plan });
  const method = PAYMENT_METHODS.find(([word]) => tail.includes(word));
  if (method !== undefined) return command('collect', { room, ...paid, plan, text: method[1] });
  // Anything left (张阿姨代收) is kept as the note on how it was paid; the fee's name is not a note.
  const leftover = mask(msg.clean.slice(start), named ? [...money.spans, named] : money.spans)
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.，。、:：]+|[\s,.，。、:：]+$/g, '');
  return withText('collect', { room, ...paid, plan, text: leftover === '' ? null : leftover });
}

// A line of a batch ends at a line break or a comma/semicolon; 接龙 numbering (1. 2、) is dropped.
const SEGMENT_END = /[,;，；]/g;
const NUMBERING = /^\s*(?:\d{1,3}\s?[.、)）]|[-•·*])\s*/;

/**
 * The lines of a batch, as [start, end) of the text. A comma segment without a room of its own
 * (收费 8-2-301 60，现金) belongs to the one before it; a line of its own is always a line; a
 * second room in a segment starts a line of its own.
 */
function batchLines(msg: ParseInput, start: number): { start: number; end: number }[] {
  const text = msg.folded;
  const breaks = new Set((msg.lineBreaks ?? []).filter((b) => b >= start));
  const ends = [...text.slice(start).matchAll(SEGMENT_END)].map((m) => start + m.index);
  const cuts: { start: number; end: number; ownLine: boolean }[] = [];
  let at = start;
  let ownLine = true;
  for (const end of [...new Set([...ends, ...breaks])].sort((a, b) => a - b)) {
    cuts.push({ start: at, end, ownLine });
    at = end + 1;
    ownLine = breaks.has(end);
  }
  cuts.push({ start: at, end: text.length, ownLine });
  const lines: { start: number; end: number }[] = [];
  for (const c of cuts) {
    const numbering = NUMBERING.exec(text.slice(c.start, c.end));
    const s = c.start + (numbering && /\d/.test(text[c.start + numbering[0].length] ?? '') ? numbering[0].length : 0);
    const seg = text.slice(s, c.end);
    if (seg.trim() === '') continue;
    if (!c.ownLine && findRoomCode(seg) === null && lines.length > 0) lines[lines.length - 1].end = c.end;
    else lines.push({ start: s, end: c.end });
  }
  // Rooms typed one after another with spaces only (收费 8-2-301 60 8-2-302 120): each room starts a line.
  return lines.flatMap((l) => {
    const rooms = findRoomCodes(text.slice(l.start, l.end)).filter((r) => r.room !== null);
    const starts = [l.start, ...rooms.slice(1).map((r) => l.start + r.start)];
    return starts.map((s, i) => ({ start: s, end: starts[i + 1] ?? l.end }));
  });
}

function toItem(msg: ParseInput, span: { start: number; end: number }, read: ParsedAs<'collect'> | null): CommandItem {
  const line = msg.clean.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
  if (read === null) return { line, room: null, amountFen: null, months: null, ref: null, text: null, plan: null, error: 'room_required' };
  return { line, room: read.room, amountFen: read.amountFen, months: read.months, ref: null, text: read.text, plan: read.plan, error: read.error ?? null };
}

/**
 * 收费 8-2-301 60 现金, or a batch: 收费 7-1-102 60，7-1-103 60 现金, or one room per line.
 * A batch keeps every line as an item (a bad line is an item with its error, never the
 * batch's); a method named on the last line only is how the whole batch was paid.
 */
export const readCollect: ArgumentReader<'collect'> = (msg, rest, how) => {
  const spans = batchLines(msg, rest.start).slice(0, MAX_BATCH_LINES);
  if (spans.length > 1) {
    const sub = (s: { start: number; end: number }) => ({ clean: msg.clean.slice(0, s.end), folded: msg.folded.slice(0, s.end), addressed: msg.addressed });
    const items = spans.map((s) => toItem(msg, s, readOne(sub(s), s.start)));
    // 8-2-301、8-2-302 各60: "each" gives the rooms before it, that name no sum, the same sum.
    const each = items.findIndex((i) => i.error === null && (i.amountFen !== null || i.months !== null) && i.line.includes('各'));
    if (each > 0) {
      const e = items[each];
      e.text = (e.text ?? '').replace(/^各\s*/, '') || null;
      for (const i of items.slice(0, each)) if (i.error === 'amount_required' && i.room !== null) Object.assign(i, { amountFen: e.amountFen, months: e.months, error: null, text: e.text });
    }
    const last = items[items.length - 1];
    const method = PAYMENT_METHODS.find(([, name]) => name === last.text)?.[1];
    if (method !== undefined) for (const i of items) if (i.text === null && i.error === null) i.text = method;
    // A fee named once (收费 物业费 7-1-102 300，7-1-103 300) is the fee of every line naming none.
    const plan = items.find((i) => i.plan !== null)?.plan ?? null;
    if (plan !== null) for (const i of items) if (i.plan === null) i.plan = plan;
    const first = items.find((i) => i.room !== null);
    if (first) return command('collect', { room: first.room!, items, plan });
  }
  const read = readOne(msg, rest.start);
  if (read !== null) return read;
  const folded = restFolded(msg, rest);
  if (rest.slash) return usageError('collect', folded === '' ? 'room_required' : 'room_invalid');
  if (!how.bare) return null;
  if (folded === '' || /^\d/.test(folded)) return usageError('collect', 'room_required');
  return null;
};
