import { createInterface } from 'node:readline';
import { parseCommand } from '../commands/parse.js';
import { commandToJson } from '../commands/parsed-command.js';

export interface ParseCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

const USAGE = 'usage: linli parse "<text>"   |   linli parse -   (one message per line on stdin)   |   linli parse -- "<text that starts with ->"\n';

/** Writes and waits for the stream to accept more, so large inputs stream without piling up. */
function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = out.write(line + '\n', (err) => {
      if (err) reject(err);
    });
    if (ok) resolve();
    else out.once('drain', () => resolve());
  });
}

/** `linli parse "<text>"` prints one JSON parse; `linli parse -` parses stdin line by line. */
export async function runParseCommand(args: string[], io: ParseCommandIo): Promise<number> {
  if (args.length === 0) {
    io.stdout.write(USAGE);
    return 2;
  }
  if (args[0] === '--help' || args[0] === '-h') {
    io.stdout.write(USAGE);
    return 0;
  }
  // Flags are strict here as everywhere: a message that starts with "-" comes after "--".
  if (args[0] === '--') return parseText(args.slice(1), io);
  if (args[0].startsWith('-') && args[0] !== '-') {
    io.stdout.write(`unknown flag "${args[0]}"\n${USAGE}`);
    return 2;
  }
  if (args[0] === '-' && args.length > 1) {
    io.stdout.write(`"-" reads standard input and takes nothing after it\n${USAGE}`);
    return 2;
  }
  if (args.length === 1 && args[0] === '-') {
    // crlfDelay: a \r\n split across chunks still counts as one line break.
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
    for await (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      await writeLine(io.stdout, commandToJson(parseCommand(line)));
    }
    return 0;
  }
  return parseText(args, io);
}

/** Several arguments are one message the shell split on spaces: parse "已交 60元" unquoted. */
async function parseText(words: string[], io: ParseCommandIo): Promise<number> {
  if (words.length === 0) {
    io.stdout.write(USAGE);
    return 2;
  }
  await writeLine(io.stdout, commandToJson(parseCommand(words.join(' '))));
  return 0;
}
