import type { LogLevel } from './config.js';

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Leveled logger; lines go to stderr so stdout stays for command output. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

// Mainland mobile numbers (and +86 forms) never reach a log line.
const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;

/** Replace phone numbers in text with a mask. */
export function maskPhones(text: string): string {
  return text.replace(PHONE, (m) => m.slice(0, 3) + '****' + m.slice(-2));
}

/** A logger writing one line per event at or above `level`. */
export function createLogger(level: LogLevel, write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const emit = (lv: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[lv] < ORDER[level]) return;
    const extra = fields ? ' ' + JSON.stringify(fields, (_k, v) => (v instanceof Error ? v.message : v)) : '';
    write(maskPhones(`${new Date().toISOString()} ${lv.toUpperCase()} ${msg}${extra}`));
  };
  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
  };
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
