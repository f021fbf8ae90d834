import { readTableFile, type Sheet } from '../books/read-table.js';
import type { Config } from '../config.js';
import { type Translator, translator } from '../i18n/translator.js';
import { cliLocale } from './cli-locale.js';

/** Options of the file commands: the size cap (LINLI_IMPORT_MAX_MB) and the admin's language. */
export interface FileCommandOptions {
  maxBytes: number;
  t: Translator;
}

/** The sheets of a file, or null after printing one line saying why it cannot be read. */
export async function readSheets(file: string, o: FileCommandOptions, out: (line: string) => void): Promise<Sheet[] | null> {
  const r = await readTableFile(file, o.maxBytes);
  if (r.ok) return r.sheets;
  if (r.reason === 'too_big') out(o.t.t('books_too_big', { file, mb: Math.round((r.maxBytes / 2 ** 20) * 100) / 100 }));
  else if (r.reason === 'unreadable') out(o.t.t('books_unreadable', { file, code: r.code }));
  else out(o.t.t('books_not_spreadsheet', { file }));
  return null;
}

/** The file commands' options from the configuration and the admin's locale settings. */
export function fileOptions(config: Pick<Config, 'importMaxMb'>, env: Readonly<Record<string, string | undefined>> = process.env): FileCommandOptions {
  return { maxBytes: config.importMaxMb * 2 ** 20, t: translator(cliLocale(env)) };
}
