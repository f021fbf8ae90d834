import { foldText } from '../text/fold-text.js';
import type { ArgumentReader, SentenceReader } from './command-row.js';
import { COMMAND_TABLE } from './command-table.js';
import { restAt, type ParseInput } from './parse-input.js';
import { NO_COMMAND, type ParsedCommand, type RecognisedIntent } from './parsed-command.js';

// Readers of every intent, seen through one signature: the index only dispatches.
type AnyReader = ArgumentReader<RecognisedIntent>;

interface Keyword {
  word: string;
  intent: RecognisedIntent;
  bare: boolean;
  read: AnyReader;
}

const rows = Object.entries(COMMAND_TABLE) as [RecognisedIntent, (typeof COMMAND_TABLE)[RecognisedIntent]][];

/** A row's reader, falling back to its `otherwise` row's reader when it finds none of its arguments. */
function readerOf(row: (typeof COMMAND_TABLE)[RecognisedIntent]): AnyReader {
  const read = row.read as AnyReader;
  const other = row.otherwise;
  if (other === undefined) return read;
  const fallback = COMMAND_TABLE[other].read as AnyReader;
  return (msg, rest, how) => read(msg, rest, how) ?? fallback(msg, rest, { ...how, intent: other });
}

/** Every keyword of the table in folded form, longest first (登记缴费 before 登记). */
export const KEYWORDS: readonly Keyword[] = rows
  .flatMap(([intent, row]) => {
    const read = readerOf(row);
    const strong = [...row.words, ...(row.traditional ?? []), ...(row.english ?? [])];
    return [
      ...strong.map((w) => ({ word: foldText(w), intent, bare: true, read })),
      ...(row.weak ?? []).map((w) => ({ word: foldText(w), intent, bare: false, read })),
    ];
  })
  .sort((a, b) => b.word.length - a.word.length);

const LONGEST = Math.max(...KEYWORDS.map((k) => k.word.length));

/** Slash names to their intent and reader. */
export const SLASH_NAMES: ReadonlyMap<string, { intent: RecognisedIntent; read: AnyReader }> = new Map(
  rows.flatMap(([intent, row]) => row.slash.map((name) => [name, { intent, read: readerOf(row) }] as const)),
);

const SENTENCE_READERS: readonly SentenceReader<RecognisedIntent>[] = rows.flatMap(([, row]) =>
  row.sentence === undefined ? [] : [row.sentence as SentenceReader<RecognisedIntent>],
);

/** The command whose keyword starts the message at `start`, or null (no keyword, or chatter after it). */
export function readKeyword(msg: ParseInput, start: number): ParsedCommand | null {
  const head = msg.folded.slice(start, start + LONGEST);
  const entry = KEYWORDS.find((k) => head.startsWith(k.word));
  if (entry === undefined) return null;
  const end = start + entry.word.length;
  // Latin keywords must end at a word boundary: "helpful" is not "help".
  if (/[a-z]$/.test(entry.word) && /[a-z0-9]/.test(msg.folded[end] ?? '')) return null;
  return entry.read(msg, restAt(msg, end, false), { intent: entry.intent, bare: entry.bare, word: entry.word });
}

const SLASH_RE = /\/([a-z]{1,32})(?:@[a-z0-9_.]{1,64})?(?![a-z@])/y;
const SUB_RE = /[\s_]{1,4}([a-z]{1,32})(?![a-z0-9])/y;

/** A slash command at `start` (/paid 60, /help@linli_bot, /patrol start); an unknown name is chatter. */
export function readSlash(msg: ParseInput, start: number): ParsedCommand {
  SLASH_RE.lastIndex = start;
  const m = SLASH_RE.exec(msg.folded);
  if (m === null) return NO_COMMAND;
  let name = m[1];
  let end = start + m[0].length;
  // `/patrol start` and `/patrol_start` are /patrolstart: a name and a word that is a longer name.
  SUB_RE.lastIndex = end;
  const sub = SUB_RE.exec(msg.folded);
  if (sub !== null && SLASH_NAMES.has(name + sub[1])) {
    name += sub[1];
    end += sub[0].length;
  }
  const named = SLASH_NAMES.get(name);
  if (named === undefined) return NO_COMMAND;
  return named.read(msg, restAt(msg, end, true), { intent: named.intent, bare: true, word: name }) ?? NO_COMMAND;
}

/** A command said without a keyword (已交60元, 我是8栋2单元301的), or null. */
export function readSentence(msg: ParseInput, start: number): ParsedCommand | null {
  for (const read of SENTENCE_READERS) {
    const found = read(msg, start);
    if (found !== null) return found;
  }
  return null;
}
