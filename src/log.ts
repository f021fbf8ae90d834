import pino from 'pino';
import type { LogFormat, LogLevel } from './config.js';
import { maskPersonalData } from './privacy/mask.js';

/** Leveled logger; lines go to stderr so stdout stays for command output. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** A logger whose every line also carries `bindings` (a job's name and key, say). */
  child(bindings: Record<string, unknown>): Logger;
}

/** Where lines go and how they look. */
export interface LoggerOptions {
  /** json: one JSON object per line (the default off a terminal); pretty: for people at a terminal. */
  format?: LogFormat;
  /** Receives each line without its newline; default: synchronous writes to stderr. */
  write?: (line: string) => void;
}

const LEVEL_WIDTH = 5;

/** One JSON log line as people read it: `12:03:04.120 WARN  message key=value`, then the stack. */
export function prettyLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const { time, level, msg, ...rest } = o;
  const t = typeof time === 'string' ? time.slice(11, 23) : '';
  let stacks = '';
  const fields = Object.entries(rest).map(([k, v]) => {
    if (v && typeof v === 'object' && typeof (v as { stack?: unknown }).stack === 'string') {
      stacks += '\n    ' + String((v as { stack: string }).stack).replace(/\n/g, '\n    ');
      return `${k}=${JSON.stringify((v as { message?: unknown }).message ?? '')}`;
    }
    return `${k}=${typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v)}`;
  });
  return `${t} ${String(level).toUpperCase().padEnd(LEVEL_WIDTH)} ${String(msg ?? '')}${fields.length ? '  ' + fields.join(' ') : ''}${stacks}`;
}

// Errors anywhere in the fields (`{ error: e }` is the house habit) keep their message and stack.
function withErrors(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!fields) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = v instanceof Error ? pino.stdSerializers.err(v) : v;
  return out;
}

function wrap(p: pino.Logger): Logger {
  return {
    debug: (m, f) => p.debug(withErrors(f), m),
    info: (m, f) => p.info(withErrors(f), m),
    warn: (m, f) => p.warn(withErrors(f), m),
    error: (m, f) => p.error(withErrors(f), m),
    child: (b) => wrap(p.child(withErrors(b))),
  };
}

/**
 * A pino logger writing one line per event at or above `level`. Phone numbers, landlines and
 * ID-card numbers are masked in every line, whatever field they are in. Writes are synchronous:
 * a CLI that exits right after its last line loses nothing (no worker-thread transport).
 */
export function createLogger(level: LogLevel, opts: LoggerOptions | ((line: string) => void) = {}): Logger {
  const { format = 'json', write } = typeof opts === 'function' ? { write: opts } : opts;
  const sink = write ?? ((line: string) => process.stderr.write(line + '\n'));
  const stream = {
    write(chunk: string) {
      const line = chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk;
      sink(format === 'pretty' ? prettyLine(line) : line);
    },
  };
  const p = pino(
    {
      level,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: { streamWrite: maskPersonalData },
    },
    stream,
  );
  return wrap(p);
}

/** A logger that drops everything (tests). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silentLogger };
