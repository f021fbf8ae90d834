import { describe, expect, it } from 'vitest';
import { parseCommand } from '../src/commands/parse.js';
import { commandToJson } from '../src/commands/parsed-command.js';
import { isOfferYes } from '../src/commands/offer-answer.js';

// What `linli parse` prints for an offered complaint and a 接龙 (issue 11 items 3 and 8): one
// object, every key present, in the documented order.

describe('linli parse, offers and 接龙', () => {
  it('prints an offered complaint with its category in "offer"', () => {
    expect(commandToJson(parseCommand('8栋门口有人飞线充电'))).toBe(
      '{"intent":"offer","room":null,"amountFen":null,"months":null,"ref":null,"rating":null,"text":"8栋门口有人飞线充电","again":null,"topic":null,"items":null,"plan":null,"offer":"flying_wire"}',
    );
    expect(JSON.parse(commandToJson(parseCommand('昨天修好漏水了，谢谢')))).toMatchObject({ intent: 'none', offer: null });
  });

  it('prints a 接龙 as its header and one item per numbered line, the line\'s words hashed', () => {
    const json = JSON.parse(commandToJson(parseCommand('#接龙 卫生费已交\n例：8-2-301 60元\n1. 8-2-301 60元\n2、王阿姨 八栋二单元三零二 六十')));
    expect(Object.keys(json)).toEqual(['intent', 'room', 'amountFen', 'months', 'ref', 'rating', 'text', 'again', 'topic', 'items', 'plan', 'offer']);
    expect(json).toMatchObject({ intent: 'chain', text: '#接龙 卫生费已交 例：8-2-301 60元' });
    expect(json.items.map((i: { room: string; amountFen: number }) => [i.room, i.amountFen])).toEqual([['8-2-301', 6000], ['8-2-302', 6000]]);
    // No name rides in the parse: the line is its room, its words a key.
    expect(JSON.stringify(json.items)).not.toContain('王阿姨');
    // Renumbered (WeChat renumbers when a line is removed), a line keeps its key.
    const again = parseCommand('#接龙 卫生费已交\n例：8-2-301 60元\n7. 8-2-301 60元');
    expect(again.items?.[0].text).toBe(json.items[0].text);
  });

  it('leaves a 接龙 that is not about the fee (a group buy, a headcount) alone', () => {
    expect(parseCommand('#接龙 周六团购鸡蛋\n1. 8-2-301 2斤\n2. 8-2-302 3斤').intent).toBe('none');
    expect(parseCommand('#接龙 明天体检报名\n1. 8-2-301 王阿姨\n2. 7-1-101 李爷爷').intent).toBe('none');
    expect(parseCommand('接龙：本月卫生费已交\n1. 8-2-301 5元').intent).toBe('chain');
  });

  it('knows a yes to an offer, and only a yes', () => {
    for (const yes of ['是', '是的', '对', '好', '好的👍', '提交', '是的，提交', 'yes', 'OK']) expect(isOfferYes(yes), yes).toBe(true);
    for (const no of ['是不是', '好吃', '收到', '不是', '好的我明天去', '']) expect(isOfferYes(no), no).toBe(false);
  });
});
