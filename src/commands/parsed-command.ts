/** What a chat message asks the bot to do; see DESIGN.md, "Command language". */

import type { TicketCategory } from '../text/ticket-categories.js';

/** Every key a parse carries, as `linli parse` prints it: null where it does not apply. */
export interface CommandFields {
  /** Normalised room code: '8-2-301' or '8-301'; for the scoring intents, a unit: '8-2'. */
  room: string | null;
  /** Integer fen. */
  amountFen: number | null;
  months: number | null;
  /** Normalised upper-case reference: 'P12', 'B3', 'T7', 'R2', 'S2'; 'E3' (evidence), 'A2' (appeal). */
  ref: string | null;
  rating: number | null;
  /** Free text: complaint body, reject reason, resolve note, collect method, reminder spec, tickets filter, invitation code, patrol note, visit, survey answers, report month. */
  text: string | null;
  /** A pay claim said as a further payment (又交了30元): not the same claim repeated. */
  again: boolean | null;
  /** What a how-to question asks about: 'pay', 'bind', 'complain' or 'status'. */
  topic: HowtoTopic | null;
  /** Several in one message: a batch of collections (one per line), or refs to confirm (确认 P12 P13). */
  items: CommandItem[] | null;
  /** The fee a claim or collection names (物业费), as written; the worker resolves it against the estate's plans. */
  plan: string | null;
  /** A problem described without a keyword (楼下积水好几天了): the ticket category the bot offers to file. */
  offer: TicketCategory | null;
}

/** One line of a batch: what it says, read as its own command, or why it cannot be. */
export interface CommandItem {
  /** The line as written (phone numbers masked with the rest), for the reply to name it. */
  line: string;
  room: string | null;
  amountFen: number | null;
  months: number | null;
  ref: string | null;
  text: string | null;
  /** The fee this line names, if any (else the command's, else the estate's main plan). */
  plan: string | null;
  error: ErrorCode | null;
}

/** The things a resident asks how to do (怎么交费, 怎么绑定 …). */
export const HOWTO_TOPICS = ['pay', 'bind', 'complain', 'status'] as const;
export type HowtoTopic = (typeof HOWTO_TOPICS)[number];

/**
 * What each intent is sure to carry when its arguments are good: the keys listed here are
 * never null (a processor reads `room` of a bind without `!`); every other key may be.
 * Adding an intent: one line here, one row in the command table (command-table.ts).
 */
export interface IntentGuarantees {
  help: {};
  bind: { room: string };
  pay: {};
  confirm: { ref: string };
  reject: { ref: string };
  collect: { room: string };
  status: {};
  howto: { topic: HowtoTopic };
  unpaid: {};
  complain: { text: string };
  // 我家楼上漏水，滴到厨房了: no keyword; offered as a ticket, filed when the member says 是.
  offer: { text: string; offer: TicketCategory };
  // #接龙 卫生费已交 then numbered lines: the header in text, one item per numbered line.
  chain: { text: string; items: CommandItem[] };
  accept: { ref: string };
  resolve: { ref: string };
  rate: { ref: string; rating: number };
  tickets: {};
  remind: { text: string };
  reminders: {};
  cancel: { ref: string };
  urge: {};
  tally: {};
  notice: {};
  claim: { text: string };
  login: {};
  // 红"栋"力: a unit ('8-2') goes in `room`; evidence and appeals are refs E3, A2.
  scoring_rules: {};
  score: { room: string };
  unit_score: {};
  appeal: {};
  evidence: {};
  bonus: { room: string; text: string };
  publish_scores: {};
  void: { ref: string };
  amend: { ref: string };
  rebook: {};
  receipt: { ref: string };
  pending: {};
  'export-ledger': {};
  // The council (src/council/): the arguments go on as text, read by src/council/read-args.ts.
  propose: { text: string };
  support: { text: string };
  meeting: { text: string };
  minutes: { text: string };
  resolution: { text: string };
  progress: { text: string };
  vote: { text: string };
  poll: { text: string };
  ballot: { text: string };
  paper: { text: string };
  notvoted: { text: string };
  relation: { text: string };
  'merge-proposal': { text: string };
  'decline-proposal': { text: string };
  'nudge-voters': { text: string };
  'notice-delivered': { text: string };
  'floor-area': { text: string };
  // The grid worker's day and the committee (src/grid, src/survey, src/performance).
  'patrol-start': {};
  'patrol-stop': {};
  'patrol-status': {};
  'patrol-note': { text: string };
  'to-ticket': {};
  visit: { room: string; text: string };
  visits: { room: string };
  'survey-new': { text: string };
  'survey-answer': { ref: string };
  'survey-progress': { ref: string };
  'survey-results': { ref: string };
  'survey-chase': { ref: string };
  report: {};
}

/** An intent the parser recognises. */
export type RecognisedIntent = keyof IntentGuarantees;

export type Intent = RecognisedIntent | 'none';

/** Why a recognised command cannot be carried out as written: the reason a user is told. */
export const ERROR_CODES = [
  'room_required',
  'room_invalid',
  'amount_required',
  'amount_invalid',
  'months_invalid',
  'ref_required',
  'ref_invalid',
  'rating_invalid',
  'text_required',
  'text_too_long',
  'code_required',
  'unit_required',
  'months_which',
  'one_room_each',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A recognised command whose arguments are good; for a union of intents, the union of their commands. */
export type CommandOf<I extends RecognisedIntent> = I extends RecognisedIntent
  ? { intent: I; error?: undefined } & Omit<CommandFields, keyof IntentGuarantees[I]> & IntentGuarantees[I]
  : never;

/** Any recognised command with good arguments, discriminated by `intent`. */
export type Command = { [I in RecognisedIntent]: CommandOf<I> }[RecognisedIntent];

/** A recognised command whose arguments are bad: the user is told `error`; keys read so far are kept. */
export type UsageError = { intent: RecognisedIntent; error: ErrorCode } & CommandFields;

/** Ordinary chatter: nothing for the bot to do. */
export type NoCommand = { intent: 'none'; error?: undefined } & { [K in keyof CommandFields]: null };

/** The parse of one message. Every key is always present; `error` only when arguments are bad. */
export type ParsedCommand = Command | UsageError | NoCommand;

/** What a reader of one intent's arguments returns. */
export type ParsedAs<I extends RecognisedIntent> = CommandOf<I> | UsageError;

/** Longest free text accepted (complaint bodies, reasons, notes), in code points. */
export const MAX_TEXT_LENGTH = 2000;

const NO_FIELDS: { [K in keyof CommandFields]: null } = {
  room: null, amountFen: null, months: null, ref: null, rating: null, text: null, again: null, topic: null, items: null, plan: null, offer: null,
};

/** Ordinary chatter. */
export const NO_COMMAND: NoCommand = Object.freeze({ intent: 'none', ...NO_FIELDS });

/** A good command of `intent`: its guaranteed keys, and any others it read. */
export function command<I extends RecognisedIntent>(
  intent: I,
  fields: IntentGuarantees[I] & Partial<CommandFields>,
): CommandOf<I> {
  // The one place the union is built: keys in the documented order, unset ones null.
  return { intent, ...NO_FIELDS, ...fields } as unknown as CommandOf<I>;
}

/** A command of `intent` with bad arguments; `fields` are what was read before the error. */
export function usageError(intent: RecognisedIntent, error: ErrorCode, fields: Partial<CommandFields> = {}): UsageError {
  return { intent, ...NO_FIELDS, ...fields, error };
}

/** Every key of a parse with every field null: the base the tests compare with. */
export function emptyCommand(intent: Intent = 'none'): { intent: Intent } & CommandFields {
  return { intent, ...NO_FIELDS };
}

/** A job that carried a command of another intent than its processor handles: a bug, no retry helps. */
export class WrongIntentError extends Error {
  constructor(
    readonly expected: readonly RecognisedIntent[],
    readonly got: Intent,
  ) {
    super(`expected a ${expected.join(' or ')} command, got ${got}`);
    this.name = 'WrongIntentError';
  }
}

/** The command narrowed to the intents a processor handles; throws WrongIntentError otherwise. */
export function commandAs<I extends RecognisedIntent>(cmd: ParsedCommand, ...intents: I[]): CommandOf<I> {
  if (cmd.error !== undefined || !(intents as readonly Intent[]).includes(cmd.intent)) throw new WrongIntentError(intents, cmd.intent);
  return cmd as unknown as CommandOf<I>;
}

/** JSON with the keys in the documented order (error last, only when present). */
export function commandToJson(cmd: ParsedCommand): string {
  const ordered: Record<string, unknown> = {
    intent: cmd.intent,
    room: cmd.room,
    amountFen: cmd.amountFen,
    months: cmd.months,
    ref: cmd.ref,
    rating: cmd.rating,
    text: cmd.text,
    again: cmd.again,
    topic: cmd.topic,
    items: cmd.items,
    plan: cmd.plan,
    offer: cmd.offer,
  };
  if (cmd.error !== undefined) ordered.error = cmd.error;
  return JSON.stringify(ordered);
}
