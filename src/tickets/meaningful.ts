import { cleanText, foldText } from '../commands/normalize.js';

// Words that say nothing about what is wrong on their own.
const VAGUE = /一下|这个|那个|有个|有点|问题|情况|事情|事儿|事|的|了|啊|呀|吧|呢|哦|嗯|哈|我要|我想|请|麻烦|楼道|小区|这里|那里|物业|help|please|problem|issue|something|here/g;
const PLACE = /(?:\d{1,4}|[零〇一二两三四五六七八九十百]{1,4})\s?(?:号楼|栋|幢|座|单元|室|号|楼|#)|building\s?\d+|\d+(?:-\d+){1,2}/g;

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
