import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** `.env` could not be used; the message is one line naming the file (and the line). */
export class DotEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DotEnvError';
  }
}

const ASSIGNMENT = /^\s*(?:export\s+)?[A-Za-z_][A-Za-z0-9_]*\s*=(.*)$/;

/**
 * The first line of a .env text that is neither blank, a comment, nor KEY=value, or null. Node's
 * parser skips such a line silently and can swallow the next key with it, so it is refused first.
 */
export function malformedLine(text: string): number | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = ASSIGNMENT.exec(line);
    if (!m) return i + 1;
    // A quoted value may span lines: skip to the line that closes it.
    const value = m[1].trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && !value.slice(1).includes(quote)) {
      let j = i + 1;
      while (j < lines.length && !lines[j].includes(quote)) j++;
      if (j === lines.length) return i + 1;
      i = j;
    }
  }
  return null;
}

/**
 * Load `<cwd>/.env` into process.env when the file exists (process.loadEnvFile); a variable
 * already set in the environment wins over the file. Returns the file's path, or null.
 */
export function loadDotEnv(cwd: string = process.cwd()): string | null {
  const file = path.join(cwd, '.env');
  if (!existsSync(file)) return null;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DotEnvError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const bad = malformedLine(text);
  if (bad !== null) throw new DotEnvError(`${file} line ${bad} is not KEY=value (a # starts a comment)`);
  try {
    process.loadEnvFile(file);
  } catch (e) {
    throw new DotEnvError(`cannot load ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return file;
}
