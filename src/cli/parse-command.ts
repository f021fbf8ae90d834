import { createInterface } from 'node:readline';
import { parseCommand } from '../commands/parse.js';
import { commandToJson } from '../commands/parsed-command.js';

export interface ParseCommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
}

const USAGE = 'usage: linli parse "<text>"   |   linli parse -   (one message per line on stdin)\n';

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
  if (args.length === 1 && args[0] === '-') {
    // crlfDelay: a \r\n split across chunks still counts as one line break.
    const lines = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
    for await (const raw of lines) {
      const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      await writeLine(io.stdout, commandToJson(parseCommand(line)));
    }
    return 0;
  }
  // Several arguments are one message the shell split on spaces: parse "已交 60元" unquoted.
  await writeLine(io.stdout, commandToJson(parseCommand(args.join(' '))));
  return 0;
}
