import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';
import { BUILDING_WORDS, BUILDING_WORDS_BEFORE_ROOM, numberPattern, ROOM_WORDS, UNIT_WORDS, wordsPattern } from '../text/room-words.js';

// Words that say nothing about what is wrong on their own.
const VAGUE = /一下|这个|那个|有个|有点|问题|情况|事情|事儿|事|的|了|啊|呀|吧|呢|哦|嗯|哈|我要|我想|请|麻烦|楼道|小区|这里|那里|物业|help|please|problem|issue|something|here/g;
const PLACE = new RegExp(
  `(?:${numberPattern(4)})\\s?(?:${wordsPattern(BUILDING_WORDS, BUILDING_WORDS_BEFORE_ROOM, UNIT_WORDS, ROOM_WORDS)})|building\\s?\\d+|\\d+(?:-\\d+){1,2}`,
  'g',
);

/**
 * False for a complaint that says nothing about what is wrong: only punctuation, digits,
 * a place ('8栋'), filler ('有问题'), or one character repeated ('啊啊啊').
 */
export function isMeaningfulComplaint(text: string): boolean {
  const rest = foldText(cleanText(text))
    .replace(PLACE, '')
    .replace(VAGUE, '')
    .replace(/[\p{P}\p{S}\p{N}\s]/gu, '');
  return new Set(rest).size >= 2;
}
