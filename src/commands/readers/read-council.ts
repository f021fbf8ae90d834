import { isShortQuestion } from '../chatter.js';
import type { ArgumentReader } from '../command-row.js';
import { codePointLength, originalText, restFolded, withText } from '../parse-input.js';
import { usageError } from '../parsed-command.js';

type CouncilIntent =
  | 'propose' | 'support' | 'meeting' | 'minutes' | 'resolution' | 'progress' | 'vote' | 'poll' | 'ballot' | 'paper' | 'notvoted' | 'relation'
  | 'merge-proposal' | 'decline-proposal' | 'nudge-voters' | 'notice-delivered' | 'floor-area';

/**
 * Council commands hand their arguments on as text, read by src/council/read-args.ts. Words glued
 * to the keyword are chatter (会议几点开始), unless they start with a ref or a digit (附议Y3).
 * `withRef` commands need something after the keyword: bare, they ask for the ref.
 */
export function readCouncil<I extends CouncilIntent>(withRef: boolean): ArgumentReader<I> {
  return (msg, rest, how) => {
    const folded = restFolded(msg, rest);
    if (folded === '') return rest.slash || how.bare ? usageError(how.intent, withRef ? 'ref_required' : 'text_required') : null;
    if (!rest.slash && isShortQuestion(folded)) return null;
    const glued = !rest.slash && !rest.separated && !/^[#a-z0-9]/.test(folded);
    // 提议在8栋门口加装晾衣架: a proposal may follow its keyword directly when it says enough.
    if (glued && !(how.intent === 'propose' && codePointLength(folded) >= 6)) return null;
    return withText(how.intent, { text: originalText(msg, rest.start)! } as never);
  };
}

/** 投票 V4 同意; 投票同意 alone is a ballot without its vote's number: it asks for it (never guesses which vote). */
export const readBallot: ArgumentReader<'ballot'> = (msg, rest, how) => {
  if (!rest.slash && !rest.separated && /^(?:同意|赞成|反对|弃权)[。.!！]?$/.test(restFolded(msg, rest))) return usageError('ballot', 'ref_required');
  return readCouncil<'ballot'>(true)(msg, rest, how);
};

const RELATION_WORDS: [RegExp, string][] = [
  [/业主$/, 'owner'],
  [/租户$/, 'tenant'],
  [/家属$/, 'family'],
  [/委托投票$/, 'designate'],
];

/** 确认业主 B3 / 确认租户 B3 / 确认家属 B3 / 委托投票 B3: the relation is in the keyword and goes first in the text (/relation B3 owner writes it). */
export const readRelation: ArgumentReader<'relation'> = (msg, rest, how) => {
  const cmd = readCouncil<'relation'>(true)(msg, rest, how);
  if (cmd === null || cmd.error !== undefined || rest.slash) return cmd;
  const keyword = msg.folded.slice(0, rest.start).trimEnd();
  const relation = RELATION_WORDS.find(([re]) => re.test(keyword))?.[1];
  return relation === undefined ? cmd : withText('relation', { text: `${relation} ${cmd.text}` });
};

/**
 * A staff command whose words are common in chatter (合并, 催票, 送达, 面积): it is a command only
 * when its arguments start with what it needs (a `letter` ref, or a room code's digit when
 * `letter` is null); a slash command is always one.
 */
export function readCouncilLed<I extends CouncilIntent>(letter: 'Y' | 'V' | null): ArgumentReader<I> {
  const lead = letter === null ? /^\d/ : new RegExp(`^#?\\s?${letter.toLowerCase()}\\s?\\d`);
  return (msg, rest, how) => {
    const folded = restFolded(msg, rest);
    // Bare (快递已送达, 合并) it is chatter too: only the slash form asks for the missing ref.
    if (!rest.slash && !lead.test(folded)) return null;
    return readCouncil<I>(true)(msg, rest, how);
  };
}
