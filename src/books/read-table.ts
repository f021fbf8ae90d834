import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import ExcelJS from 'exceljs';
import { decodeText } from './decode-text.js';
import { type CsvRecord, parseCsv } from './parse-csv.js';

/** One sheet of a spreadsheet (a CSV file is one sheet), as records with their row numbers. */
export interface Sheet {
  name: string;
  records: CsvRecord[];
}

/** A table file read, or why not. */
export type TableRead =
  | { ok: true; format: 'csv' | 'xlsx'; sheets: Sheet[] }
  | { ok: false; reason: 'too_big'; maxBytes: number }
  | { ok: false; reason: 'unreadable'; code: string }
  | { ok: false; reason: 'not_a_spreadsheet' };

class TooBig extends Error {}

/** Passes bytes through and fails once more than `max` went by: a file growing past the cap, or a pipe. */
function capped(max: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      seen += chunk.length;
      if (seen > max) return done(new TooBig());
      done(null, chunk);
    },
  });
}

/**
 * Reads a roster or ledger file (.xlsx, or CSV in any encoding decodeText knows) without ever
 * holding more than `maxBytes` of it: a bigger file is refused after reading at most that much,
 * and an .xlsx is read by exceljs's streaming reader, row by row.
 */
export async function readTableFile(file: string, maxBytes: number): Promise<TableRead> {
  let head: Buffer;
  try {
    const fh = await open(file, 'r');
    try {
      const st = await fh.stat();
      if (st.isFile() && st.size > maxBytes) return { ok: false, reason: 'too_big', maxBytes };
      head = Buffer.alloc(4);
      await fh.read(head, 0, 4, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    return { ok: false, reason: 'unreadable', code: (e as NodeJS.ErrnoException).code ?? String(e) };
  }
  const isZip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
  try {
    return isZip ? await readXlsx(file, maxBytes) : await readCsv(file, maxBytes);
  } catch (e) {
    if (e instanceof TooBig) return { ok: false, reason: 'too_big', maxBytes };
    if ((e as NodeJS.ErrnoException).code) return { ok: false, reason: 'unreadable', code: (e as NodeJS.ErrnoException).code! };
    return { ok: false, reason: 'not_a_spreadsheet' };
  }
}

async function readCsv(file: string, maxBytes: number): Promise<TableRead> {
  const chunks: Buffer[] = [];
  for await (const chunk of createReadStream(file).pipe(capped(maxBytes))) chunks.push(chunk as Buffer);
  const { text } = decodeText(Buffer.concat(chunks));
  return { ok: true, format: 'csv', sheets: [{ name: 'csv', records: parseCsv(text) }] };
}

async function readXlsx(file: string, maxBytes: number): Promise<TableRead> {
  const source = createReadStream(file);
  const stream = source.pipe(capped(maxBytes));
  source.on('error', (e) => stream.destroy(e));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
  const sheets: Sheet[] = [];
  for await (const ws of reader) {
    const records: CsvRecord[] = [];
    for await (const row of ws) {
      const values = row.values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
      records.push({ line: row.number, cells });
    }
    sheets.push({ name: (ws as unknown as { name: string }).name, records });
  }
  return { ok: true, format: 'xlsx', sheets };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the text a person sees: rich text joined, a formula's result, a date as YYYY-MM-DD[ HH:mm:ss]. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const d = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const t = `${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
    return t === '00:00:00' ? d : `${d} ${t}`;
  }
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellText(o.result);
    if (o.text !== undefined) return cellText(o.text);
    return '';
  }
  return String(v);
}
