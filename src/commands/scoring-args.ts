import { readUnitCode } from '../scoring/unit-code.js';
import { emptyCommand, MAX_TEXT_LENGTH, type Intent, type ParsedCommand } from './parsed-command.js';

// The argument readers of the 红"栋"力 commands, in the shape parse.ts hands its handlers
// (clean and folded text with the same indices; where the arguments start).
interface Msg {
  clean: string;
  folded: string;
}
interface Rest {
  start: number;
  separated: boolean;
  slash: boolean;
}
type Handler = (msg: Msg, rest: Rest, kw: { intent: Intent; bare: boolean }) => ParsedCommand | null;

const TRAILING = /[\s,.!~、。;:)」』》\]】]+$/;
const LEADING = /^[\s,.:;、，。：；]+/;

function tail(msg: Msg, from: number): { clean: string; folded: string } {
  const lead = LEADING.exec(msg.folded.slice(from))?.[0].length ?? 0;
  return { clean: msg.clean.slice(from + lead).replace(TRAILING, ''), folded: msg.folded.slice(from + lead).replace(TRAILING, '') };
}

function text(cmd: ParsedCommand, t: string): ParsedCommand {
  if ([...t].length > MAX_TEXT_LENGTH) return { ...cmd, error: 'text_too_long' };
  return { ...cmd, text: t === '' ? null : t };
}

/** A unit code where the arguments start, and what follows it. */
function unitArgs(msg: Msg, rest: Rest): { unit: string; after: { clean: string; folded: string } } | null {
  const at = tail(msg, rest.start);
  const hit = readUnitCode(at.folded);
  if (hit === null) return null;
  return { unit: hit.code, after: tail(at, hit.end) };
}

const REF = (letter: string) => new RegExp(`^#?${letter}\\s?(\\d{1,9})(?!\\d)`);

/** 评分 8-2 卫生18 志愿9 文明20: the unit, and the panelist's words (the estate's rules read them). */
const score: Handler = (msg, rest) => {
  const u = unitArgs(msg, rest);
  if (u === null) return null;
  return text({ ...emptyCommand('score'), room: u.unit }, u.after.clean);
};

/** 评比 8-2: a unit's breakdown; 评比 alone: the latest ranking. */
const unitScore: Handler = (msg, rest) => {
  const at = tail(msg, rest.start);
  if (at.folded === '') return emptyCommand('unit_score');
  const u = unitArgs(msg, rest);
  if (u === null) return rest.slash ? { ...emptyCommand('unit_score'), error: 'unit_required' } : null;
  return { ...emptyCommand('unit_score'), room: u.unit };
};

/** 申诉 8-2 理由 (a resident); 复核 A2 维持/改判 理由 (the panel). */
const appeal: Handler = (msg, rest) => {
  const at = tail(msg, rest.start);
  const ref = REF('a').exec(at.folded);
  if (ref !== null) return text({ ...emptyCommand('appeal'), ref: `A${Number(ref[1])}` }, tail(at, ref[0].length).clean);
  const u = unitArgs(msg, rest);
  if (u === null) return at.folded === '' || rest.slash || /^\d/.test(at.folded) ? { ...emptyCommand('appeal'), error: 'unit_required' } : null;
  if (u.after.clean === '') return { ...emptyCommand('appeal'), room: u.unit, error: 'text_required' };
  return text({ ...emptyCommand('appeal'), room: u.unit }, u.after.clean);
};

/** 证据 (the month's evidence), 证据 8-2, 证据 E3 确认/驳回 理由. */
const evidence: Handler = (msg, rest) => {
  const at = tail(msg, rest.start);
  if (at.folded === '') return emptyCommand('evidence');
  const ref = REF('e').exec(at.folded);
  if (ref !== null) return text({ ...emptyCommand('evidence'), ref: `E${Number(ref[1])}` }, tail(at, ref[0].length).clean);
  const u = unitArgs(msg, rest);
  if (u !== null) return { ...emptyCommand('evidence'), room: u.unit };
  return rest.slash ? { ...emptyCommand('evidence'), error: 'ref_invalid' } : null;
};

/** 加分 8-2 考取大学 (note). */
const bonus: Handler = (msg, rest) => {
  const u = unitArgs(msg, rest);
  if (u === null) return tail(msg, rest.start).folded === '' || rest.slash ? { ...emptyCommand('bonus'), error: 'unit_required' } : null;
  if (u.after.clean === '') return { ...emptyCommand('bonus'), room: u.unit, error: 'text_required' };
  return text({ ...emptyCommand('bonus'), room: u.unit }, u.after.clean);
};

/** The readers, by command. */
export const scoringHandlers = { score, unitScore, appeal, evidence, bonus };
