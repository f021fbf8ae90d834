import { codePointLength } from './parse-input.js';

// What tells a command's arguments from ordinary chatter that happens to start with its keyword.

/** A question mark or particle: 吗, 么, ?. */
export const QUESTION = /[吗么?]/;
/** 一下 / 下 after a keyword (查询一下). */
export const FILLER = /^(?:一下|下)[\s,.!~、。:]*/;
/** Nothing but punctuation. */
export const ONLY_PUNCT = /^[\s?,.!~、。;:]*$/;

/** Words glued to 投诉 / 反映 that make it talk about complaining (投诉有用吗, 投诉的人). */
export const COMPLAIN_CHATTER = [
  '的', '了', '过', '吗', '呢', '啊', '吧', '么', '什么', '怎么', '是', '不', '没', '都', '也',
  '还', '就', '得', '着', '电话', '热线', '有用', '流程', '进度', '结果', '成功', '多少', '哪',
  '谁', '完', '箱', '渠道', '方式', '人', '者', '好', '慢', '快', '太', '很', '真', '挺',
];
/** The same for 提醒, which also reminds people (提醒大家, 提醒一下). */
export const REMIND_CHATTER = [...COMPLAIN_CHATTER, '一下', '我', '你', '他', '她', '您', '大家', '各位', '下'];

/** True when `s` starts with one of `words`. */
export function startsWithAny(s: string, words: readonly string[]): boolean {
  return words.some((w) => s.startsWith(w));
}

/** A short tail that is a question (投诉有用吗) is chatter, not a command. */
export function isShortQuestion(folded: string): boolean {
  return codePointLength(folded) <= 8 && QUESTION.test(folded);
}

/** Other bills people pay and talk about in the group: 燃气费交过了 is not the estate's fee. */
export const OTHER_BILL = /燃气费|煤气费|电费|水费|话费|学费|网费|宽带|停车费|车位费|房租|租金|保险|党费|班费|餐费|伙食费|医药费|会费|培训费|报名费|快递/;
/** The estate's own fee, which wins over an other bill named in the same message. */
export const OUR_FEE = /卫生费|清洁费|保洁费/;
