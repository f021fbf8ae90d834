/** What a chat message asks the bot to do; see DESIGN.md, "Command language". */
export const INTENTS = [
  'help', 'bind', 'pay', 'confirm', 'reject', 'collect', 'status', 'unpaid',
  'complain', 'accept', 'resolve', 'rate', 'tickets', 'remind', 'reminders', 'cancel',
  'urge', 'tally', 'notice', 'claim',
  // The grid worker's day and the committee (src/grid, src/survey, src/performance).
  'patrol-start', 'patrol-stop', 'patrol-status', 'patrol-note', 'to-ticket', 'visit', 'visits',
  'survey-new', 'survey-answer', 'survey-progress', 'survey-results', 'survey-chase', 'report',
  'none',
] as const;

export type Intent = (typeof INTENTS)[number];

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
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The parse of one message. Every key is always present; `error` only when arguments are bad. */
export interface ParsedCommand {
  intent: Intent;
  /** Normalised room code: '8-2-301' or '8-301'. */
  room: string | null;
  /** Integer fen. */
  amountFen: number | null;
  months: number | null;
  /** Normalised upper-case reference: 'P12', 'B3', 'T7', 'R2', 'S2'. */
  ref: string | null;
  rating: number | null;
  /** Free text: complaint body, reject reason, resolve note, collect method, reminder spec, tickets filter. */
  text: string | null;
  error?: ErrorCode;
}

/** Longest free text accepted (complaint bodies, reasons, notes), in code points. */
export const MAX_TEXT_LENGTH = 2000;

/** A ParsedCommand with every field null. */
export function emptyCommand(intent: Intent = 'none'): ParsedCommand {
  return { intent, room: null, amountFen: null, months: null, ref: null, rating: null, text: null };
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
  };
  if (cmd.error !== undefined) ordered.error = cmd.error;
  return JSON.stringify(ordered);
}
