import { cleanText } from '../text/clean-text.js';
import { foldText } from '../text/fold-text.js';

// 是 / 对 / 好 and their longer forms, alone (with punctuation, emoji or thanks around them).
const YES =
  /^(?:是|是的|是啊|对|对的|对啊|对呀|好|好的|好啊|好呀|嗯|嗯嗯|行|可以|要|确定|提交|提交吧|提交工单|是的提交|好的提交|是提交|好提交|对提交|yes|y|ok|okay|submit)$/;
const AROUND = /[\s,.!~、。:;]+|谢谢(?:你|您|了)?|麻烦(?:你|您)?了?|\p{Extended_Pictographic}|\[[^\]]{1,4}\]/gu;

/**
 * A yes to the bot's "回复 是 提交工单": the whole message is a yes-word. The parser calls it
 * chatter (好的 in a group answers anyone); the worker files a ticket only if this member has an
 * offer waiting in this chat.
 */
export function isOfferYes(text: string): boolean {
  if (typeof text !== 'string' || text.length > 40) return false;
  const folded = foldText(cleanText(text)).replace(AROUND, '');
  return YES.test(folded);
}
