import { createHash } from 'node:crypto';
import type { PaymentKind } from '../db/database.js';
import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { parseRoomCode } from '../text/room-code.js';
import { findHeader } from './find-header.js';
import type { CsvRecord } from './parse-csv.js';
import type { RowIssue, RowReason } from './row-reason.js';
import { parseLocalStamp } from './local-stamp.js';

/** One row of a payment history (an Excel 台账), read but not yet matched to rooms and plans. */
export interface PaymentInput {
  line: number;
  /** Stable across re-imports of the same file: the row's ref, else its content and how often that content came before. */
  key: string;
  ref: string | null;
  roomCode: string;
  plan: string | null;
  kind: PaymentKind;
  status: 'confirmed' | 'rejected' | 'pending' | null;
  amountFen: number | null;
  months: number | null;
  at: Date;
  decidedAt: Date | null;
  method: string | null;
  collector: string | null;
  corrects: string | null;
  standsFen: number | null;
  standsMonths: number | null;
  note: string | null;
}

type Field = 'ref' | 'room' | 'plan' | 'kind' | 'status' | 'amount' | 'months' | 'period' | 'at' | 'decidedAt' | 'method' | 'collector' | 'corrects' | 'standsAmount' | 'standsMonths' | 'note';

const ALIASES: Record<Field, string[]> = {
  ref: ['编号', '单号', '收据号', '票据号', 'ref', 'no'],
  room: ['房号', '房间号', '户号', '门牌号', '住址', '房屋', 'room', 'roomcode'],
  plan: ['收费项目', '项目', '费用名称', '费用类型', '收费标准', 'plan', 'fee', 'feeplan'],
  kind: ['类型', '记录类型', 'kind', 'type'],
  status: ['状态', 'status'],
  amount: ['金额', '金额元', '缴费金额', '实收金额', '实收', '收费金额', '交费金额', 'amount', 'amountyuan'],
  months: ['月数', '缴费月数', '交费月数', '月份数', 'months'],
  period: ['期间', '缴费期间', '所属期间', '缴费月份', '所属月份', '起止月份', 'period'],
  at: ['缴费时间', '缴费日期', '交费日期', '收费日期', '收款日期', '日期', '时间', 'date', 'datepaid', 'paidat'],
  decidedAt: ['确认时间', '确认日期', 'confirmedat'],
  method: ['方式', '缴费方式', '支付方式', '付款方式', 'method'],
  collector: ['收费人', '收款人', '经手人', '收费员', 'collector'],
  corrects: ['更正编号', '冲正编号', '原编号', 'corrects'],
  standsAmount: ['更正后金额', '更正后金额元', 'standsamount'],
  standsMonths: ['更正后月数', 'standsmonths'],
  note: ['备注', '说明', 'note'],
};
const LOOKUP = new Map<string, Field>();
for (const [f, names] of Object.entries(ALIASES) as [Field, string[]][]) for (const n of names) LOOKUP.set(n, f);

const KINDS: Record<string, PaymentKind> = { 收费: 'collection', 收款: 'collection', 代收: 'collection', collection: 'collection', 申报: 'claim', claim: 'claim', 冲正: 'correction', 更正: 'correction', correction: 'correction', 补贴: 'credit', 减免: 'credit', credit: 'credit' };
const STATUSES: Record<string, 'confirmed' | 'rejected' | 'pending'> = { 已确认: 'confirmed', 确认: 'confirmed', confirmed: 'confirmed', 已驳回: 'rejected', 驳回: 'rejected', rejected: 'rejected', 待确认: 'pending', pending: 'pending' };

const fold = (s: string) => foldText(cleanText(s)).replace(/\s/g, '').toLowerCase();
const text = (s: string) => (cleanText(s) === '' ? null : cleanText(s));

/** Yuan as written ('60', '60.5元', '¥1,200', '-60') → fen; null when it is not an amount. */
export function parseYuan(cell: string): number | null {
  const s = fold(cell).replace(/^[¥￥]/, '').replace(/(元|rmb|yuan)$/, '').replace(/,/g, '');
  const m = /^(-)?(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s);
  if (m === null) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** A period '2025-01至2025-12', '2025.1-2025.6', '2025年1月-6月', '2025-03' → its months; null when unread. */
export function periodMonths(cell: string): number | null {
  const s = fold(cell);
  const m = /^(\d{4})[-./年](\d{1,2})月?(?:(?:至|到|-|~|—|–)(?:(\d{4})[-./年])?(\d{1,2})月?)?$/.exec(s);
  if (m === null) return null;
  const start = Number(m[1]) * 12 + Number(m[2]) - 1;
  const end = m[4] === undefined ? start : Number(m[3] ?? m[1]) * 12 + Number(m[4]) - 1;
  return end >= start && Number(m[2]) <= 12 && Number(m[4] ?? 1) <= 12 ? end - start + 1 : null;
}

function whole(cell: string): number | null | 'bad' {
  const s = fold(cell).replace(/(个月|月)$/, '');
  if (s === '') return null;
  return /^-?\d{1,4}$/.test(s) ? Number(s) : 'bad';
}

/** The payment rows of a sheet, or null when no header with 房号 and 金额 is in its first rows. */
export function parsePaymentRows(records: readonly CsvRecord[], timeZone: string): { rows: PaymentInput[]; errors: RowIssue[] } | null {
  const header = findHeader(records, LOOKUP, ['room', 'amount']);
  if (header === null) return null;
  const rows: PaymentInput[] = [];
  const errors: RowIssue[] = [];
  const seen = new Map<string, number>();
  const copies = new Map<string, number>();
  for (const rec of records.slice(header.index + 1)) {
    if (!rec.cells.some((c) => cleanText(c) !== '')) continue;
    const get = (f: Field) => {
      const i = header.columns.get(f);
      return i === undefined ? '' : (rec.cells[i] ?? '');
    };
    const r = parseRow(get, timeZone);
    if ('key' in r) {
      errors.push({ line: rec.line, reason: r });
      continue;
    }
    // Two identical rows without a ref are two payments (two months paid the same evening):
    // the second is told apart by how many copies came before it.
    const content = r.ref !== null ? `ref-${r.ref}` : createHash('sha256').update(JSON.stringify(rec.cells.map((c) => cleanText(c)))).digest('hex').slice(0, 32);
    const firstLine = seen.get(content);
    if (r.ref !== null && firstLine !== undefined) {
      errors.push({ line: rec.line, reason: { key: 'books_ref_repeats', p: { ref: r.ref, line: firstLine } } });
      continue;
    }
    const copy = (copies.get(content) ?? 0) + 1;
    copies.set(content, copy);
    if (firstLine === undefined) seen.set(content, rec.line);
    rows.push({ ...r, line: rec.line, key: r.ref !== null ? content : `${content}-${copy}` });
  }
  return { rows, errors };
}

function parseRow(get: (f: Field) => string, timeZone: string): Omit<PaymentInput, 'line' | 'key'> | RowReason {
  const roomCode = parseRoomCode(get('room'));
  if (roomCode === null) return { key: cleanText(get('room')) === '' ? 'books_room_missing' : 'books_room_code_bad' };
  const kindCell = fold(get('kind'));
  const kind = kindCell === '' ? 'collection' : KINDS[kindCell];
  if (kind === undefined) return { key: 'books_kind_bad' };
  const statusCell = fold(get('status'));
  const status = kind !== 'claim' ? null : statusCell === '' ? 'confirmed' : (STATUSES[statusCell] ?? null);
  if (kind === 'claim' && status === null) return { key: 'books_kind_bad' };
  const amountCell = cleanText(get('amount'));
  const amountFen = amountCell === '' ? null : parseYuan(amountCell);
  if (amountCell !== '' && amountFen === null) return { key: 'books_amount_bad' };
  let months = whole(get('months'));
  if (months === 'bad') return { key: 'books_months_bad' };
  if (months === null && cleanText(get('period')) !== '') {
    months = periodMonths(get('period'));
    if (months === null) return { key: 'books_months_bad' };
  }
  if (amountFen === null && months === null) return { key: 'books_amount_bad' };
  const at = parseLocalStamp(cleanText(get('at')), timeZone);
  if (at === null) return { key: 'books_date_bad' };
  const decidedCell = cleanText(get('decidedAt'));
  const decidedAt = decidedCell === '' ? null : parseLocalStamp(decidedCell, timeZone);
  if (decidedCell !== '' && decidedAt === null) return { key: 'books_date_bad' };
  const standsCell = cleanText(get('standsAmount'));
  const standsFen = standsCell === '' ? null : parseYuan(standsCell);
  if (standsCell !== '' && standsFen === null) return { key: 'books_amount_bad' };
  const standsMonths = whole(get('standsMonths'));
  if (standsMonths === 'bad') return { key: 'books_months_bad' };
  const ref = text(get('ref'));
  const corrects = text(get('corrects'));
  return {
    ref: ref === null ? null : fold(ref).toUpperCase(),
    roomCode, plan: text(get('plan')), kind, status, amountFen, months, at, decidedAt,
    method: text(get('method')), collector: text(get('collector')),
    corrects: corrects === null ? null : fold(corrects).toUpperCase(),
    standsFen, standsMonths, note: text(get('note')),
  };
}
