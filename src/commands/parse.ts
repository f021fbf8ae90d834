import { findAmounts, findPeriod, type AmountMatch } from './amount.js';
import { cleanText, foldText, parseIntOrChinese } from './normalize.js';
import {
  emptyCommand,
  MAX_TEXT_LENGTH,
  type ErrorCode,
  type Intent,
  type ParsedCommand,
} from './parsed-command.js';
import { findRoomCode, findRoomCodes } from './room-code.js';
import { parseGridCommand } from '../grid/parse-grid-command.js';

/**
 * The message as two aligned strings: `clean` keeps what the user wrote (free text is
 * sliced from it), `folded` is what we match on. Same length, same indices.
 */
interface Msg {
  clean: string;
  folded: string;
}

/** How a keyword handler reads what follows the keyword. */
interface Rest {
  /** Index in the message where the arguments start (separators skipped). */
  start: number;
  /** True when a space or punctuation separated the keyword from its arguments. */
  separated: boolean;
  /** Came from a slash command: arguments are never chatter. */
  slash: boolean;
}

type Handler = (msg: Msg, rest: Rest, kw: KeywordSpec) => ParsedCommand | null;

interface KeywordSpec {
  intent: Intent;
  /**
   * A strong keyword is the command even alone (确认 → ref_required, 收费 → room_required);
   * a weak one (通过, 取消, 代收, 查一下) is chatter unless its argument follows.
   */
  bare: boolean;
}

/** Parses one chat message; never throws. */
export function parseCommand(text: string): ParsedCommand {
  try {
    return parse(typeof text === 'string' ? text : String(text ?? ''));
  } catch {
    return emptyCommand();
  }
}

function parse(text: string): ParsedCommand {
  const clean = cleanText(text);
  if (clean === '') return emptyCommand();
  const msg: Msg = { clean, folded: foldText(clean) };
  const start = skipLeadIn(msg.folded);
  const grid = parseGridCommand(msg.clean, msg.folded, start);
  if (grid !== null) return grid;
  if (msg.folded[start] === '/') return parseSlash(msg, start);
  const byKeyword = parseKeyword(msg, start);
  if (byKeyword !== null) return byKeyword;
  return parsePayClaim(msg) ?? parseBindStatement(msg, start) ?? emptyCommand();
}

// ---------------------------------------------------------------- lead-in

const MENTION_OF_BOT = /^@(?:邻里|linli)/;
const MENTION = /^@[^\s@]{1,40} /;
const LEAD_INS = [
  '请帮我', '麻烦你', '麻烦您', '麻烦', '帮我', '帮忙', '我要', '我想', '请', '你好', '您好',
];
const OPENING_PUNCT = /^[\s【\[(「『<《,.!~:;、。]+/;

/** Index after an optional @mention and polite lead-in (我要, 请, 麻烦 …). */
function skipLeadIn(folded: string): number {
  let pos = 0;
  for (let round = 0; round < 6; round++) {
    const before = pos;
    const head = folded.slice(pos, pos + 64);
    const punct = OPENING_PUNCT.exec(head);
    if (punct !== null) pos += punct[0].length;
    const tail = folded.slice(pos, pos + 64);
    const mention = MENTION.exec(tail) ?? MENTION_OF_BOT.exec(tail);
    if (mention !== null) pos += mention[0].length;
    else {
      const lead = LEAD_INS.find((w) => tail.startsWith(w) && tail.length > w.length);
      if (lead !== undefined) pos += lead.length;
    }
    if (pos === before) break;
  }
  return pos;
}

// ---------------------------------------------------------------- helpers

const SEPARATORS = /^[\s:;,.!~、。_=>|\]】)」』》]+/;
const TRAILING_PUNCT = /[\s,.!~、。;:)」』》\]】]+$/;

function restAt(msg: Msg, index: number, slash: boolean): Rest {
  const sep = SEPARATORS.exec(msg.folded.slice(index, index + 32));
  const start = index + (sep?.[0].length ?? 0);
  return { start, separated: sep !== null || start >= msg.folded.length, slash };
}

/** The folded rest without trailing punctuation. */
function restFolded(msg: Msg, rest: Rest): string {
  return msg.folded.slice(rest.start).replace(TRAILING_PUNCT, '');
}

/** The user's own text from `from` on, trimmed, or null when empty. */
function originalText(msg: Msg, from: number): string | null {
  const t = msg.clean.slice(from).trim();
  return t === '' ? null : t;
}

function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) n++;
  }
  return n;
}

function withError(cmd: ParsedCommand, error: ErrorCode): ParsedCommand {
  return { ...cmd, error };
}

/** Sets `text`, or text_too_long (text left null so huge bodies go no further). */
function withText(cmd: ParsedCommand, text: string | null): ParsedCommand {
  if (text !== null && codePointLength(text) > MAX_TEXT_LENGTH) return withError(cmd, 'text_too_long');
  return { ...cmd, text };
}

function startsWithAny(s: string, words: readonly string[]): boolean {
  return words.some((w) => s.startsWith(w));
}

const QUESTION = /[吗么?]/;
const FILLER = /^(?:一下|下)[\s,.!~、。:]*/;
// 投诉一下：… / 反映个问题 … : words before the complaint proper.
const COMPLAIN_FILLER = /^(?:一下|一个问题|个问题|一个情况|个情况)[\s,.!~、。:]*/;
const ONLY_PUNCT = /^[\s?,.!~、。;:]*$/;

// ---------------------------------------------------------------- refs

const REF_RE = /#?\s?([pbtr])\s?(\d{1,12})(?!\d)/y;

interface RefAt {
  ref: string | null; // null: shaped like a ref but the number is impossible
  letter: string;
  end: number;
}

function refAt(folded: string, index: number): RefAt | null {
  REF_RE.lastIndex = index;
  const m = REF_RE.exec(folded);
  if (m === null) return null;
  const digits = m[2].replace(/^0+/, '');
  const letter = m[1].toUpperCase();
  const ok = digits.length > 0 && digits.length <= 9;
  return { ref: ok ? `${letter}${digits}` : null, letter, end: index + m[0].length };
}

const LOOKS_LIKE_REF = /^(?:#|\d|[a-z]\s?\d)/;

/**
 * Reads the ref that starts a command's arguments. Returns the command so far, or null
 * when the arguments are chatter (确认一下明天开会吗).
 */
function readRef(
  msg: Msg,
  rest: Rest,
  kw: KeywordSpec,
  letters: string,
): { cmd: ParsedCommand; end: number } | null {
  const cmd = emptyCommand(kw.intent);
  const folded = restFolded(msg, rest);
  if (folded === '') {
    return rest.slash || kw.bare ? { cmd: withError(cmd, 'ref_required'), end: rest.start } : null;
  }
  const hit = refAt(msg.folded, rest.start);
  if (hit === null) {
    if (rest.slash || LOOKS_LIKE_REF.test(folded)) {
      return { cmd: withError(cmd, 'ref_invalid'), end: msg.folded.length };
    }
    return null;
  }
  if (hit.ref === null || !letters.includes(hit.letter)) {
    return { cmd: withError(cmd, 'ref_invalid'), end: hit.end };
  }
  return { cmd: { ...cmd, ref: hit.ref }, end: hit.end };
}

/** confirm / accept / cancel: a ref and nothing else that matters. */
function refOnly(letters: string): Handler {
  return (msg, rest, kw) => readRef(msg, rest, kw, letters)?.cmd ?? null;
}

/** reject / resolve: a ref, then an optional free-text reason or note. */
function refWithNote(letters: string): Handler {
  return (msg, rest, kw) => {
    const read = readRef(msg, rest, kw, letters);
    if (read === null) return null;
    if (read.cmd.error !== undefined) return read.cmd;
    const after = restAt(msg, read.end, true);
    return withText(read.cmd, originalText(msg, after.start));
  };
}

const RATING_RE = /(\d{1,3}|[零一二两三四五六七八九十]{1,3})\s?(?:颗星|星|分)?(?!\d)/y;
const STARS_RE = /[⭐★]{1,20}/y;

const rate: Handler = (msg, rest, kw) => {
  // 评价 5: the number is the rating, the ticket is missing.
  if (/^\d{1,3}(?:\s?(?:颗星|星|分))?$/.test(restFolded(msg, rest))) return withError(emptyCommand('rate'), 'ref_required');
  const read = readRef(msg, rest, kw, 'T');
  if (read === null) return null;
  if (read.cmd.error !== undefined) return read.cmd;
  const after = restAt(msg, read.end, true);
  let rating: number | null = null;
  let end = after.start;
  RATING_RE.lastIndex = after.start;
  STARS_RE.lastIndex = after.start;
  const num = RATING_RE.exec(msg.folded);
  const stars = num === null ? STARS_RE.exec(msg.folded) : null;
  if (num !== null) {
    rating = parseIntOrChinese(num[1]);
    end = after.start + num[0].length;
  } else if (stars !== null) {
    rating = stars[0].length;
    end = after.start + stars[0].length;
  }
  if (rating === null || !Number.isInteger(rating) || rating < 1 || rating > 5) {
    return withError(read.cmd, 'rating_invalid');
  }
  const comment = restAt(msg, end, true);
  return withText({ ...read.cmd, rating }, originalText(msg, comment.start));
};

const TICKET_FILTERS = [
  '全部', '所有', '未处理', '待处理', '待受理', '未受理', '处理中', '已受理', '已完成', '已解决',
  '未完成', '未解决', '我的', '今天', '本周', 'open', 'closed', 'all', 'mine', 'pending', 'done',
];

const tickets: Handler = (msg, rest, kw) => {
  const cmd = emptyCommand('tickets');
  const folded = restFolded(msg, rest);
  if (folded === '') return cmd;
  // 工单 T7 shows a ticket; 工单 T7 分类 漏水 hands staff's words on (re-categorisation).
  if (refAt(msg.folded, rest.start) !== null || LOOKS_LIKE_REF.test(folded)) return refWithNote('T')(msg, rest, kw);
  if (rest.slash || TICKET_FILTERS.includes(folded)) return withText(cmd, originalText(msg, rest.start));
  return null;
};

// ---------------------------------------------------------------- free text

const COMPLAIN_CHATTER = [
  '的', '了', '过', '吗', '呢', '啊', '吧', '么', '什么', '怎么', '是', '不', '没', '都', '也',
  '还', '就', '得', '着', '电话', '热线', '有用', '流程', '进度', '结果', '成功', '多少', '哪',
  '谁', '完', '箱', '渠道', '方式', '人', '者',
];
const REMIND_CHATTER = [...COMPLAIN_CHATTER, '一下', '我', '你', '他', '她', '您', '大家', '各位', '下'];

/** A short tail that is a question (投诉有用吗) is chatter, not a command. */
function isShortQuestion(folded: string): boolean {
  return codePointLength(folded) <= 8 && QUESTION.test(folded);
}

const complain: Handler = (msg, rest) => {
  const cmd = emptyCommand('complain');
  let start = rest.start;
  if (!rest.slash) {
    const folded = restFolded(msg, rest);
    if (!rest.separated && startsWithAny(folded, COMPLAIN_CHATTER)) return null;
    if (isShortQuestion(folded)) return null;
    const filler = COMPLAIN_FILLER.exec(msg.folded.slice(start, start + 8));
    if (filler !== null) start += filler[0].length;
  }
  const text = originalText(msg, start);
  if (text === null || restFolded(msg, { ...rest, start }) === '') return withError(cmd, 'text_required');
  const room = findRoomCode(msg.folded.slice(start))?.room ?? null;
  return withText({ ...cmd, room }, text);
};

const remind: Handler = (msg, rest) => {
  const cmd = emptyCommand('remind');
  const folded = restFolded(msg, rest);
  if (!rest.slash && !rest.separated && startsWithAny(folded, REMIND_CHATTER)) return null;
  if (!rest.slash && isShortQuestion(folded)) return null;
  const text = originalText(msg, rest.start);
  if (text === null || folded === '') return withError(cmd, 'text_required');
  return withText(cmd, text);
};

// ---------------------------------------------------------------- rooms, amounts

/** Replaces the given spans with spaces, keeping indices; one pass, so many spans stay cheap. */
function mask(folded: string, spans: readonly { start: number; end: number }[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    if (end <= at) continue;
    const from = Math.max(start, at);
    parts.push(folded.slice(at, from), ' '.repeat(end - from));
    at = end;
  }
  parts.push(folded.slice(at));
  return parts.join('');
}

interface Money {
  amount: AmountMatch | null;
  months: number | null;
  monthsInvalid: boolean;
  spans: { start: number; end: number }[];
}

/**
 * Finds the amount and period in folded text with room codes masked. `pick` chooses
 * among unmarked numbers (marked ones, 60元 / ¥60, always win).
 */
function readMoney(folded: string, pickUnmarked: (a: AmountMatch) => boolean): Money {
  const rooms = findRoomCodes(folded);
  let masked = mask(folded, rooms);
  const period = findPeriod(masked);
  const spans: { start: number; end: number }[] = [...rooms];
  if (period !== null) {
    masked = mask(masked, [period]);
    spans.push(period);
  }
  const amounts = findAmounts(masked);
  const amount = amounts.find((a) => a.marked) ?? amounts.find(pickUnmarked) ?? null;
  if (amount !== null) spans.push(amount);
  return {
    amount,
    months: period?.months ?? null,
    monthsInvalid: period !== null && period.months === null,
    spans,
  };
}

function applyMoney(cmd: ParsedCommand, money: Money): ParsedCommand {
  let out: ParsedCommand = { ...cmd, months: money.months };
  if (money.amount !== null) {
    if (money.amount.fen === null) return withError(out, 'amount_invalid');
    out = { ...out, amountFen: money.amount.fen };
  }
  if (money.monthsInvalid) return withError(out, 'months_invalid');
  return out;
}

const PAYMENT_METHODS: readonly [string, string][] = [
  ['银行转账', '银行转账'], ['现金', '现金'], ['微信', '微信'], ['支付宝', '支付宝'],
  ['转账', '转账'], ['银行卡', '银行卡'], ['刷卡', '刷卡'], ['扫码', '扫码'], ['云闪付', '云闪付'],
  ['cash', '现金'], ['wechat', '微信'], ['alipay', '支付宝'], ['transfer', '转账'],
];

const collect: Handler = (msg, rest, kw) => {
  const cmd = emptyCommand('collect');
  const tail = msg.folded.slice(rest.start);
  const room = findRoomCode(tail);
  if (room === null || room.room === null) {
    if (room !== null) return withError(cmd, 'room_invalid');
    const folded = restFolded(msg, rest);
    if (rest.slash) return withError(cmd, folded === '' ? 'room_required' : 'room_invalid');
    if (!kw.bare) return null;
    if (folded === '' || /^\d/.test(folded)) return withError(cmd, 'room_required');
    return null;
  }
  const withRoom = { ...cmd, room: room.room };
  const money = readMoney(tail, () => true);
  if (money.amount === null && money.months === null && !money.monthsInvalid) {
    return withError(withRoom, 'amount_required');
  }
  const out = applyMoney(withRoom, money);
  if (out.error !== undefined) return out;
  const method = PAYMENT_METHODS.find(([word]) => tail.includes(word));
  if (method !== undefined) return { ...out, text: method[1] };
  // Anything left (张阿姨代收) is kept as the note on how it was paid.
  const leftover = mask(msg.clean.slice(rest.start), money.spans)
    .replace(/\s+/g, ' ')
    .replace(/^[\s,.，。、:：]+|[\s,.，。、:：]+$/g, '');
  return withText(out, leftover === '' ? null : leftover);
};

const STATUS_CHATTER_MAX = 6;

const status: Handler = (msg, rest, kw) => {
  const cmd = emptyCommand('status');
  const tail = msg.folded.slice(rest.start);
  const room = findRoomCode(tail);
  if (room !== null) return room.room === null ? withError(cmd, 'room_invalid') : { ...cmd, room: room.room };
  if (!kw.bare && !rest.slash) return null;
  const folded = restFolded(msg, rest).replace(FILLER, '');
  if (folded === '') return cmd;
  if (rest.slash || /^\d/.test(folded) || (rest.separated && /^[a-z0-9#-]/.test(folded))) {
    return withError(cmd, 'room_invalid');
  }
  if (codePointLength(folded) <= STATUS_CHATTER_MAX && !QUESTION.test(folded)) return cmd;
  return null;
};

const BUILDING_FILTER = /^(?:\d{1,3}|[零一二两三四五六七八九十百]{1,4})\s?(?:号楼|栋|幢|座|号|#)(?:\s?\d{1,2}\s?单元)?$/;

const unpaid: Handler = (msg, rest, kw) => {
  const cmd = emptyCommand('unpaid');
  const folded = restFolded(msg, rest);
  if (ONLY_PUNCT.test(folded)) return cmd;
  if (rest.slash || kw.bare || BUILDING_FILTER.test(folded)) {
    return withText(cmd, originalText(msg, rest.start));
  }
  return null;
};

/**
 * Commands with no real arguments (tally, notice, urge, reminders). A short qualifier after
 * a space (统计 今天, 催缴 8栋) is passed on as text; words glued on (统计表, 公示了吗) are chatter.
 */
const noArgs: Handler = (msg, rest, kw) => {
  const cmd = emptyCommand(kw.intent);
  const folded = restFolded(msg, rest).replace(FILLER, '');
  if (kw.intent === 'urge') {
    const room = findRoomCode(msg.folded.slice(rest.start));
    if (room !== null) return room.room === null ? withError(cmd, 'room_invalid') : { ...cmd, room: room.room };
  }
  if (ONLY_PUNCT.test(folded)) return cmd;
  if (rest.slash) return withText(cmd, originalText(msg, rest.start));
  const qualifier = rest.separated && codePointLength(folded) <= 6 && !QUESTION.test(folded);
  return qualifier ? withText(cmd, originalText(msg, rest.start)) : null;
};

const help: Handler = (msg, rest) => {
  const folded = restFolded(msg, rest).replace(/^[?\s]+/, '');
  return folded === '' || rest.slash ? emptyCommand('help') : null;
};

const bind: Handler = (msg, rest) => {
  const cmd = emptyCommand('bind');
  const folded = restFolded(msg, rest);
  if (folded === '') return withError(cmd, 'room_required');
  const room = findRoomCode(msg.folded.slice(rest.start));
  if (room !== null && room.room !== null) return { ...cmd, room: room.room };
  if (room !== null || rest.slash || rest.separated || /^\d/.test(folded)) return withError(cmd, 'room_invalid');
  return null;
};

/** 邀请码 K7P2Q9MX: a one-time invitation code from `linli invite` (a role, or linking this group). */
const CODE_RE = /^([a-z0-9]{6,12})(?![a-z0-9])/;
const claim: Handler = (msg, rest) => {
  const m = CODE_RE.exec(restFolded(msg, rest));
  if (m === null) return rest.slash || restFolded(msg, rest) === '' ? withError(emptyCommand('claim'), 'code_required') : null;
  return withText(emptyCommand('claim'), m[1].toUpperCase());
};

// ---------------------------------------------------------------- keyword table

interface KeywordEntry extends KeywordSpec {
  word: string;
  handler: Handler;
}

function keywords(intent: Intent, handler: Handler, bare: boolean, ...words: string[]): KeywordEntry[] {
  return words.map((word) => ({ word, intent, handler, bare }));
}

// Folded (simplified, lower-case) spellings; traditional ones fold onto these.
const KEYWORDS: KeywordEntry[] = [
  ...keywords('help', help, true, '帮助', '菜单', '选单', '功能', '怎么用', '使用说明', '说明', '指令', '命令', 'help', 'menu', '?'),
  ...keywords('bind', bind, true, '绑定房号', '绑定', '登记房号', '认证房号'),
  ...keywords('confirm', refOnly('PB'), true, '确认'),
  ...keywords('confirm', refOnly('PB'), false, '通过', '核实'),
  ...keywords('reject', refWithNote('PB'), true, '驳回'),
  ...keywords('reject', refWithNote('PB'), false, '拒绝', '退回', '不通过'),
  ...keywords('collect', collect, true, '收费', '收款', '记账', '登记缴费'),
  // Not 收到/收了: "收到，我家8-2-301已交60元" is a resident's claim, not staff recording one.
  ...keywords('collect', collect, false, '代收'),
  ...keywords('status', status, true, '查询', '查账', '缴费查询', '查缴费', '缴费记录', '缴费情况', '我的缴费', '查看缴费'),
  ...keywords('status', status, false, '查一下', '查下', '查查'),
  ...keywords('unpaid', unpaid, true, '欠费名单', '未交名单', '未缴名单', '欠费列表', '欠费清单', '欠费户', '未缴费名单', '未交费名单'),
  // Not 未交 alone: it is the usual answer to "交了吗".
  ...keywords('unpaid', unpaid, false, '欠费', '欠缴'),
  ...keywords('complain', complain, true, '投诉', '报修', '反映', '反应', '举报', '报障'),
  ...keywords('accept', refOnly('T'), true, '受理'),
  ...keywords('accept', refOnly('T'), false, '接单', '认领'),
  ...keywords('resolve', refWithNote('T'), true, '办结', '结单'),
  ...keywords('resolve', refWithNote('T'), false, '完成', '已完成', '已解决', '解决', '已处理', '处理完成'),
  ...keywords('rate', rate, true, '评价', '评分'),
  ...keywords('rate', rate, false, '打分'),
  ...keywords('tickets', tickets, true, '工单', '工单列表', '查看工单', '我的工单', '工单查询', '查工单', '所有工单'),
  ...keywords('remind', remind, true, '提醒', '设置提醒', '添加提醒', '新建提醒', '定时提醒'),
  ...keywords('claim', claim, true, '邀请码', '关联本群', '关联群'),
  ...keywords('reminders', noArgs, true, '提醒列表', '查看提醒', '我的提醒', '所有提醒', '全部提醒'),
  ...keywords('cancel', refOnly('R'), true, '取消提醒', '删除提醒'),
  ...keywords('cancel', refOnly('R'), false, '取消'),
  ...keywords('urge', noArgs, true, '催缴', '催费', '催交', '一键催缴', '催款'),
  ...keywords('tally', noArgs, true, '统计', '今日统计', '每日统计', '日统计', '台账', '汇总', '今日汇总'),
  ...keywords('notice', noArgs, true, '公示', '发公示', '发布公示', '本周公示', '周公示'),
].sort((a, b) => b.word.length - a.word.length);

function parseKeyword(msg: Msg, start: number): ParsedCommand | null {
  const head = msg.folded.slice(start, start + 8);
  const entry = KEYWORDS.find((k) => head.startsWith(k.word));
  if (entry === undefined) return null;
  const end = start + entry.word.length;
  // Latin keywords must end at a word boundary: "helpful" is not "help".
  if (/[a-z]$/.test(entry.word) && /[a-z0-9]/.test(msg.folded[end] ?? '')) return null;
  return entry.handler(msg, restAt(msg, end, false), entry);
}

// ---------------------------------------------------------------- slash commands

const SLASH: Record<string, { intent: Intent; handler: Handler }> = {
  help: { intent: 'help', handler: help },
  start: { intent: 'help', handler: help },
  bind: { intent: 'bind', handler: bind },
  paid: { intent: 'pay', handler: (msg, rest) => slashPay(msg, rest) },
  pay: { intent: 'pay', handler: (msg, rest) => slashPay(msg, rest) },
  confirm: { intent: 'confirm', handler: refOnly('PB') },
  reject: { intent: 'reject', handler: refWithNote('PB') },
  collect: { intent: 'collect', handler: collect },
  status: { intent: 'status', handler: status },
  unpaid: { intent: 'unpaid', handler: unpaid },
  complain: { intent: 'complain', handler: complain },
  accept: { intent: 'accept', handler: refOnly('T') },
  resolve: { intent: 'resolve', handler: refWithNote('T') },
  rate: { intent: 'rate', handler: rate },
  tickets: { intent: 'tickets', handler: tickets },
  ticket: { intent: 'tickets', handler: tickets },
  remind: { intent: 'remind', handler: remind },
  reminders: { intent: 'reminders', handler: noArgs },
  cancel: { intent: 'cancel', handler: refOnly('R') },
  urge: { intent: 'urge', handler: noArgs },
  tally: { intent: 'tally', handler: noArgs },
  notice: { intent: 'notice', handler: noArgs },
  claim: { intent: 'claim', handler: claim },
  link: { intent: 'claim', handler: claim },
};

const SLASH_RE = /\/([a-z]{1,32})(?:@[a-z0-9_.]{1,64})?(?![a-z@])/y;

function parseSlash(msg: Msg, start: number): ParsedCommand {
  SLASH_RE.lastIndex = start;
  const m = SLASH_RE.exec(msg.folded);
  if (m === null || !Object.hasOwn(SLASH, m[1])) return emptyCommand();
  const { intent, handler } = SLASH[m[1]];
  const end = start + m[0].length;
  return handler(msg, restAt(msg, end, true), { intent, bare: true }) ?? emptyCommand(intent);
}

function slashPay(msg: Msg, rest: Rest): ParsedCommand {
  const tail = msg.folded.slice(rest.start);
  const cmd = emptyCommand('pay');
  if (restFolded(msg, rest) === '') return cmd;
  const room = findRoomCode(tail)?.room ?? null;
  const money = readMoney(tail, () => true);
  const out = applyMoney({ ...cmd, room }, money);
  if (room === null && money.amount === null && money.months === null && out.error === undefined) {
    return withError(out, 'amount_invalid');
  }
  return out;
}

// ---------------------------------------------------------------- payment claims

// A completed payment: 已交, 交了, 已缴, 缴了, 已付, 付了, 转了, 已转, paid, 交费了 …
const PAY_VERB =
  /已\s?(?:经\s?)?(?:通过\s?|用\s?)?(?:微信\s?|支付宝\s?|现金\s?)?(?:交|缴|付|转|支\s?付)|(?:交|缴|付|转)\s?(?:[费款钱账]\s?)?(?:[过完好清齐]\s?)?了|缴\s?纳\s?了|支\s?付\s?了|(?:交|缴)\s?[完清过齐]|\bpaid\b/g;
// 交给楼长60元了 counts only when money is mentioned: 这事交给你了 is not a payment.
const PAY_GIVEN = /(?:交|缴|转)给.{1,8}?了/;
const MONEY_CONTEXT = /[钱费元块¥￥\d]/;

// Words with 提交/递交 or 转了一圈 are not payments.
const NOT_PAY_BEFORE = new Set(['提', '递', '移', '好', '旋', '运', '打', '扭', '周', '成']);
const NOT_PAY_AFTER = ['一圈', '转', '个弯', '朋友', '作业', '报告', '材料', '申请', '发'];

const NEGATION = /[没未不别无]|\bnot\b|n't\b|\bwill\b|\btomorrow\b/;
const NOT_NEGATION = /不好意思|不用|不客气|不错|没问题|没事|没关系|不少|麻烦不/g;
const PLAN = /明天|明日|后天|下周|下星期|下礼拜|下个月|下月|等会|等一会|待会|一会儿|准备|打算|会交|要交|想交|马上|晚点|晚些|回头|过两天|改天|下次|稍后|到时候/;

interface VerbAt {
  start: number;
  end: number;
}

function findPayVerb(folded: string): VerbAt | null {
  PAY_VERB.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PAY_VERB.exec(folded)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const after = folded.slice(end, end + 3).trimStart();
    if (m[0] !== 'paid' && !m[0].startsWith('已') && NOT_PAY_BEFORE.has(folded[start - 1] ?? '')) continue;
    if (startsWithAny(after, NOT_PAY_AFTER) && !m[0].startsWith('已')) continue;
    return { start, end };
  }
  return null;
}

// 交了六十 / 交了六十 谢谢 is money; 交了一起 / 交了一半 is not.
const CHINESE_AMOUNT_END = /^(?:|[\s,.!~、。;:的卫谢])$/;

/** A resident's claim that they paid; may stand anywhere in the sentence. */
function parsePayClaim(msg: Msg): ParsedCommand | null {
  // Elderly typists put spaces anywhere (交 了 六 十 元); nothing here is sliced back out,
  // so spaces between two Chinese characters can simply go.
  const folded = msg.folded.replace(/(?<=[^\x00-\x7f]) (?=[^\x00-\x7f])/g, '');
  let verb = findPayVerb(folded);
  if (verb === null && MONEY_CONTEXT.test(folded)) {
    const given = PAY_GIVEN.exec(folded);
    if (given !== null) verb = { start: given.index, end: given.index + given[0].length };
  }
  if (verb === null) return null;
  if (QUESTION.test(folded) || PLAN.test(folded)) return null;
  if (NEGATION.test(folded.replace(NOT_NEGATION, ''))) return null;
  const room = findRoomCodes(folded).find((r) => r.room !== null)?.room ?? null;
  // A bare Chinese numeral counts only right after the verb (交了六十); 一 in 一起 does not.
  let afterVerb = verb.end;
  while (folded[afterVerb] === ' ') afterVerb++;
  const money = readMoney(folded, (a) => !a.chinese || (a.start === afterVerb && CHINESE_AMOUNT_END.test(folded[a.end] ?? '')));
  return applyMoney({ ...emptyCommand('pay'), room }, money);
}

// ---------------------------------------------------------------- 我是8栋2单元301的

const BIND_STATEMENT = /^(?:我是|我住在|我住|我家是|我家住在|我家住|我家在|我家|本人是|本人住)\s?/;
const BIND_TAIL = /^(?:的|业主|住户|户主|的业主|的住户|的户主|室)?(?:[\s,.!~、。]*(?:请绑定|绑定一下|谢谢))?[\s,.!~、。]*$/;

function parseBindStatement(msg: Msg, start: number): ParsedCommand | null {
  const lead = BIND_STATEMENT.exec(msg.folded.slice(start, start + 8));
  if (lead === null) return null;
  const from = start + lead[0].length;
  const tail = msg.folded.slice(from);
  const room = findRoomCode(tail);
  if (room === null || room.start !== 0 || room.room === null) return null;
  if (!BIND_TAIL.test(tail.slice(room.end))) return null;
  return { ...emptyCommand('bind'), room: room.room };
}
