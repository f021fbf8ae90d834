import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runParseCommand } from '../src/cli/parse-command.js';
import { detectLocale } from '../src/commands/locale.js';
import { parseCommand } from '../src/commands/parse.js';
import {
  commandAs,
  commandToJson,
  emptyCommand,
  ERROR_CODES,
  WrongIntentError,
  type Intent,
  type ParsedCommand,
} from '../src/commands/parsed-command.js';

type Fields = Partial<Omit<ParsedCommand, 'intent'>>;
type Case = [input: string, intent: Intent, fields?: Fields];

/** Every case is checked in full: fields not named must be null and error absent. */
function check(cases: Case[]): void {
  it.each(cases)('%s → %s', (input, intent, fields = {}) => {
    expect(parseCommand(input)).toEqual({ ...emptyCommand(intent), ...fields });
  });
}

describe('pay claims', () => {
  check([
    ['已交60元', 'pay', { amountFen: 6000 }],
    ['交了一年卫生费', 'pay', { months: 12, plan: '卫生费' }],
    ['已缴 5元 8栋2单元301', 'pay', { amountFen: 500, room: '8-2-301' }],
    ['已繳六十元', 'pay', { amountFen: 6000 }],
    ['/paid 60', 'pay', { amountFen: 6000 }],
    ['/paid 60 8-2-301', 'pay', { amountFen: 6000, room: '8-2-301' }],
    ['/pay 60', 'pay', { amountFen: 6000 }],
    ['/paid', 'pay'],
    ['/paid 一年', 'pay', { months: 12 }],
    ['/paid@linli_bot 60', 'pay', { amountFen: 6000 }],
    ['/PAID 60', 'pay', { amountFen: 6000 }],
    ['@邻里 /paid 60', 'pay', { amountFen: 6000 }],
    ['交了六十块钱', 'pay', { amountFen: 6000 }],
    ['我家8-2-301已经交了一年的卫生费', 'pay', { room: '8-2-301', months: 12, plan: '卫生费' }],
    ['已交卫生费60元 谢谢', 'pay', { amountFen: 6000, plan: '卫生费' }],
    ['交 了 60 元', 'pay', { amountFen: 6000 }],
    ['已 经 交 了 六 十 元', 'pay', { amountFen: 6000 }],
    ['8 栋 2 单元 301 已 交 60 元', 'pay', { room: '8-2-301', amountFen: 6000 }],
    ['已交', 'pay'],
    ['交了', 'pay'],
    ['已缴费', 'pay'],
    ['我交费了', 'pay'],
    ['交过了', 'pay'],
    ['我家已经缴过了', 'pay'],
    ['已付款', 'pay'],
    ['已转账60元', 'pay', { amountFen: 6000 }],
    ['转了60给楼长', 'pay', { amountFen: 6000 }],
    ['我付了一百二十元', 'pay', { amountFen: 12000 }],
    ['交了一百二', 'pay', { amountFen: 12000 }],
    ['交了六十 谢谢', 'pay', { amountFen: 6000 }],
    ['我已经交了60块', 'pay', { amountFen: 6000 }],
    ['卫生费已交，60元', 'pay', { amountFen: 6000, plan: '卫生费' }],
    ['8栋2单元301 已交卫生费 六十元', 'pay', { room: '8-2-301', amountFen: 6000, plan: '卫生费' }],
    ['8-2-301交了半年的', 'pay', { room: '8-2-301', months: 6 }],
    ['已交三个月卫生费', 'pay', { months: 3, plan: '卫生费' }],
    ['已经交了两个月30元', 'pay', { months: 2, amountFen: 3000 }],
    ['交了全年的', 'pay', { months: 12 }],
    ['我交了 ￥60', 'pay', { amountFen: 6000 }],
    ['已交¥60', 'pay', { amountFen: 6000 }],
    ['已交RMB60', 'pay', { amountFen: 6000 }],
    ['已交６０元', 'pay', { amountFen: 6000 }],
    ['已交60.5元', 'pay', { amountFen: 6050 }],
    ['已交60元整', 'pay', { amountFen: 6000 }],
    ['已交60塊', 'pay', { amountFen: 6000 }],
    ['已交两百', 'pay', { amountFen: 20000 }],
    ['已交60元，不好意思晚了', 'pay', { amountFen: 6000 }],
    ['已交60元 不用找了', 'pay', { amountFen: 6000 }],
    ['2024年已交60元', 'pay', { amountFen: 6000 }],
    ['已交60元 电话13812345678', 'pay', { amountFen: 6000 }],
    ['已交60元 9:00', 'pay', { amountFen: 6000 }],
    ['已交 9:00', 'pay'],
    ['交了 六十', 'pay', { amountFen: 6000 }],
    ['我家3口人都交了', 'pay'],
    ['已交 ¥ 60', 'pay', { amountFen: 6000 }],
    ['收到，我家8-2-301已交60元', 'pay', { room: '8-2-301', amountFen: 6000 }],
    ['已交60元😀', 'pay', { amountFen: 6000 }],
    ['我是8栋2单元301的，已交60元', 'pay', { room: '8-2-301', amountFen: 6000 }],
    ['八栋二单元301已经交了一年', 'pay', { room: '8-2-301', months: 12 }],
    ['我家8號樓2單元301室已繳一年', 'pay', { room: '8-2-301', months: 12 }],
    ['已交到12月', 'pay'],
    ['已交到2024年12月', 'pay'],
    ['交了一起', 'pay'],
    ['paid 60', 'pay', { amountFen: 6000 }],
    ['I paid 60', 'pay', { amountFen: 6000 }],
    ['@张三 我交了60', 'none'], // speaks to 张三 (issue 18 item 12)
    ['交了一年卫生费60元', 'pay', { months: 12, amountFen: 6000, plan: '卫生费' }],
    ['交给楼长60元了', 'pay', { amountFen: 6000 }],
    ['已微信转账60元', 'pay', { amountFen: 6000 }],
    ['已通过微信转账60', 'pay', { amountFen: 6000 }],
    ['交齐了', 'pay'],
    ['卫生费我已经交给张阿姨了', 'pay', { plan: '卫生费' }],
    ['我已经缴纳了全年卫生费60元', 'pay', { months: 12, amountFen: 6000, plan: '卫生费' }],
    ['8栋301已交', 'pay', { room: '8-301' }],
    ['老王家8-2-302也交了', 'pay', { room: '8-2-302' }],
    ['已交陆拾元', 'pay', { amountFen: 6000 }],
    ['交了五块', 'pay', { amountFen: 500 }],
    ['交了5个月的', 'pay', { months: 5 }],
    ['已交一年半', 'pay', { months: 18 }],
    ['已交60元。谢谢！', 'pay', { amountFen: 6000 }],
    ['楼长，我交了', 'pay'],
    ['昨天交了60元', 'pay', { amountFen: 6000 }],
    ['已支付60元', 'pay', { amountFen: 6000 }],
  ]);
});

describe('pay claims with impossible amounts keep intent pay', () => {
  check([
    ['已交0元', 'pay', { error: 'amount_invalid' }],
    ['已交-60元', 'pay', { error: 'amount_invalid' }],
    ['已交100001元', 'pay', { error: 'amount_invalid' }],
    ['已交60.123元', 'pay', { error: 'amount_invalid' }],
    ['已交99999999999999999999元', 'pay', { error: 'amount_invalid' }],
    ['已交99999999999999999999', 'pay', { error: 'amount_invalid' }],
    ['/paid 0', 'pay', { error: 'amount_invalid' }],
    ['/paid -60', 'pay', { error: 'amount_invalid' }],
    ['/paid abc', 'pay', { error: 'amount_invalid' }],
    ['/paid 99999999999999999999', 'pay', { error: 'amount_invalid' }],
    ['已交0个月', 'pay', { error: 'months_invalid' }],
  ]);
});

describe('questions, negations and plans are not claims', () => {
  check([
    ['交了吗', 'none'],
    ['交了吗？', 'none'],
    ['交了嗎', 'none'],
    ['交了么', 'none'],
    ['交了没有', 'none'],
    ['已交60元？', 'none'],
    ['我交了60元，你们收到了吗', 'pay', { amountFen: 6000 }], // a claim, asking for the receipt the reply gives
    ['我家交到几月了?', 'status'], // a question about one's own account (issue 11 item 1)
    ['没交', 'none'],
    ['还没交', 'none'],
    ['還沒交', 'none'],
    ['未交', 'none'],
    ['不交了', 'none'],
    ['没交了', 'none'],
    ['他们都交了，我还没', 'none'],
    ['明天交', 'none'],
    ['明天交了', 'none'],
    ['下周交了', 'none'],
    ['下個月交了', 'none'],
    ['等会交了', 'none'],
    ['待会转了给你', 'none'],
    ['准备交了', 'none'],
    ['打算下周交了', 'none'],
    ['我会交的', 'none'],
    ['I have not paid', 'none'],
    ['交了朋友', 'none'],
    ['我转了一圈', 'none'],
    ['提交了申请', 'none'],
    ['@张三 交了吗', 'none'],
  ]);
});

describe('chatter is none', () => {
  check([
    ['', 'none'],
    [' ', 'none'],
    ['\u200b\u200b', 'none'],
    ['好的', 'none'],
    ['今天天气不错', 'none'],
    ['谢谢', 'none'],
    ['收到', 'none'],
    ['60', 'none'],
    ['8-2-301', 'none'],
    ['60元', 'none'],
    ['上次投诉的事怎么样了', 'none'],
    ['确认一下明天开会吗', 'none'],
    ['确认一下', 'none'],
    ['确认收到', 'none'],
    ['投诉有用吗', 'none'],
    ['投诉电话多少', 'none'],
    ['投诉的人是谁', 'none'],
    ['收费标准是多少', 'none'],
    ['评价一下这个小区', 'none'],
    ['提醒大家明天停水', 'none'],
    ['提醒一下，明天停水', 'none'],
    ['完成了', 'none'],
    ['已完成', 'none'],
    ['已处理好了', 'none'],
    ['拒绝了', 'none'],
    ['统计表', 'none'],
    ['公示了吗', 'none'],
    ['欠费了怎么办', 'none'],
    ['查询一下明天停水吗', 'none'],
    ['工单怎么还没处理', 'none'],
    ['取消', 'none'],
    ['取消了', 'none'],
    ['取消吧', 'none'],
    ['绑定手机号', 'none'],
    ['我是张三', 'none'],
    ['我是8栋的', 'none'],
    ['我住8-2-301，楼上漏水', 'offer', { room: '8-2-301', text: '我住8-2-301，楼上漏水', offer: 'leak_drain' }],
    ['这个怎么用', 'none'],
    ['helpful', 'none'],
    ['帮助一下老人', 'none'],
    ['@邻里', 'none'],
    ['/foo', 'none'],
    ['/foo 已交60元', 'none'],
    ['#P12', 'none'],
    ['<script>alert(1)</script>', 'none'],
    ["'; DROP TABLE payments; --", 'none'],
    ['😀😀😀', 'none'],
    ['请问怎么交费', 'howto', { topic: 'pay' }],
    ['这事交给你了', 'none'],
    ['还差一个月没交', 'none'],
    ['查下我家交了没', 'status'],
    ['查一下明天天气', 'none'],
    ['通过', 'none'],
    ['核实一下', 'none'],
    ['/ paid 60', 'none'],
    ['/statusx', 'none'],
    ['我要交费', 'none'],
  ]);
});

describe('help', () => {
  check([
    ['帮助', 'help'], ['菜单', 'help'], ['幫助', 'help'], ['選單', 'help'], ['功能', 'help'],
    ['怎么用', 'help'], ['help', 'help'], ['HELP', 'help'],
    // A bare "？" in a group is a shrug; said to the bot it asks for help.
    ['?', 'none'], ['？', 'none'], ['??', 'none'], ['@邻里 ?', 'help'], ['@linli ？', 'help'],
    ['/help', 'help'], ['/start', 'help'], ['/Help@LinliBot', 'help'], ['/help@linli_bot extra', 'help'],
    ['@邻里 帮助', 'help'], ['@邻里帮助', 'help'], ['帮助！', 'help'], ['＠邻里　菜单', 'help'],
  ]);
});

describe('bind', () => {
  check([
    ['绑定 8-2-301', 'bind', { room: '8-2-301' }],
    ['绑定8栋2单元301', 'bind', { room: '8-2-301' }],
    ['綁定 8號樓2單元301', 'bind', { room: '8-2-301' }],
    ['我要绑定 8-2-301', 'bind', { room: '8-2-301' }],
    ['我是8栋2单元301的', 'bind', { room: '8-2-301' }],
    ['我住8-2-301', 'bind', { room: '8-2-301' }],
    ['我是8-2-301业主', 'bind', { room: '8-2-301' }],
    ['我家是8栋2单元301', 'bind', { room: '8-2-301' }],
    ['你好，我是八栋二单元301的', 'bind', { room: '8-2-301' }],
    ['/bind 8-2-301', 'bind', { room: '8-2-301' }],
    ['/bind 8-301', 'bind', { room: '8-301' }],
    ['绑定', 'bind', { error: 'room_required' }],
    ['/bind', 'bind', { error: 'room_required' }],
    ['绑定 abc', 'bind', { error: 'room_invalid' }],
    ['绑定 8栋', 'bind', { error: 'room_invalid' }],
    ['绑定 1000-2-301', 'bind', { error: 'room_invalid' }],
    ['/bind 1000-2-301', 'bind', { error: 'room_invalid' }],
    ['/bind hello', 'bind', { error: 'room_invalid' }],
  ]);
});

describe('confirm and reject', () => {
  check([
    ['确认 P12', 'confirm', { ref: 'P12' }],
    ['確認 B3', 'confirm', { ref: 'B3' }],
    ['确认P12', 'confirm', { ref: 'P12' }],
    ['确认 p12', 'confirm', { ref: 'P12' }],
    ['确认 #P12', 'confirm', { ref: 'P12' }],
    ['确认 #p12', 'confirm', { ref: 'P12' }],
    ['确认 Ｐ１２', 'confirm', { ref: 'P12' }],
    ['确认 P 12', 'confirm', { ref: 'P12' }],
    ['确认 P012', 'confirm', { ref: 'P12' }],
    ['@邻里 确认 P12', 'confirm', { ref: 'P12' }],
    ['/confirm P12', 'confirm', { ref: 'P12' }],
    ['/confirm@linli_bot B3', 'confirm', { ref: 'B3' }],
    ['请确认 P12', 'confirm', { ref: 'P12' }],
    ['通过 B3', 'confirm', { ref: 'B3' }],
    ['确认', 'confirm', { error: 'ref_required' }],
    ['确认！', 'confirm', { error: 'ref_required' }],
    ['/confirm', 'confirm', { error: 'ref_required' }],
    ['确认 T7', 'confirm', { error: 'ref_invalid' }],
    ['确认 R2', 'confirm', { error: 'ref_invalid' }],
    ['确认 P0', 'confirm', { error: 'ref_invalid' }],
    ['确认 P99999999999', 'confirm', { error: 'ref_invalid' }],
    ['确认 12', 'confirm', { error: 'ref_invalid' }],
    ['/confirm abc', 'confirm', { error: 'ref_invalid' }],
    ['驳回 P12 金额不符', 'reject', { ref: 'P12', text: '金额不符' }],
    ['駁回 P12 金額不符', 'reject', { ref: 'P12', text: '金額不符' }],
    ['驳回 P12', 'reject', { ref: 'P12' }],
    ['驳回P12：金额不对', 'reject', { ref: 'P12', text: '金额不对' }],
    ['/reject B3 reason', 'reject', { ref: 'B3', text: 'reason' }],
    ['/reject P12', 'reject', { ref: 'P12' }],
    ['/reject', 'reject', { error: 'ref_required' }],
    ['驳回', 'reject', { error: 'ref_required' }],
    ['驳回 T12', 'reject', { error: 'ref_invalid' }],
    ['拒绝 B3 房号不对', 'reject', { ref: 'B3', text: '房号不对' }],
  ]);
});

describe('collect', () => {
  check([
    ['收费 8-2-301 60 现金', 'collect', { room: '8-2-301', amountFen: 6000, text: '现金' }],
    ['/collect 8-2-301 60', 'collect', { room: '8-2-301', amountFen: 6000 }],
    ['收费 8-2-301 一年 微信', 'collect', { room: '8-2-301', months: 12, text: '微信' }],
    ['收费 8-2-301 三个月', 'collect', { room: '8-2-301', months: 3 }],
    ['收费 8栋2单元301 六十元 支付宝', 'collect', { room: '8-2-301', amountFen: 6000, text: '支付宝' }],
    ['收費 8-2-301 60元 現金', 'collect', { room: '8-2-301', amountFen: 6000, text: '现金' }],
    ['收费 8-2-301 60元 张阿姨代收', 'collect', { room: '8-2-301', amountFen: 6000, text: '张阿姨代收' }],
    ['代收 8-2-301 60元 现金', 'collect', { room: '8-2-301', amountFen: 6000, text: '现金' }],
    ['收款 8-2-301 60', 'collect', { room: '8-2-301', amountFen: 6000 }],
    ['/collect 8-2-301 60 转账', 'collect', { room: '8-2-301', amountFen: 6000, text: '转账' }],
    ['收费', 'collect', { error: 'room_required' }],
    ['/collect', 'collect', { error: 'room_required' }],
    ['收费 60', 'collect', { error: 'room_required' }],
    ['收费 1000-2-301 60', 'collect', { error: 'room_invalid' }],
    ['收费 8-2-301', 'collect', { room: '8-2-301', error: 'amount_required' }],
    ['收费 8-2-301 0', 'collect', { room: '8-2-301', error: 'amount_invalid' }],
    ['收费 8-2-301 200000', 'collect', { room: '8-2-301', error: 'amount_invalid' }],
  ]);
});

describe('status and unpaid', () => {
  check([
    ['查询', 'status'],
    ['查詢', 'status'],
    ['查询 8-2-301', 'status', { room: '8-2-301' }],
    ['查询8栋2单元301', 'status', { room: '8-2-301' }],
    ['查询一下', 'status'],
    ['我要查询', 'status'],
    ['帮我查询 8-2-301', 'status', { room: '8-2-301' }],
    ['麻烦帮我查询一下', 'status'],
    ['/status', 'status'],
    ['/status 8-2-301', 'status', { room: '8-2-301' }],
    ['查询8栋', 'status', { error: 'room_invalid' }],
    ['查询 abc', 'status', { error: 'room_invalid' }],
    ['/status abc', 'status', { error: 'room_invalid' }],
    ['帮我查一下8-2-301', 'status', { room: '8-2-301' }],
    ['查询 8-2-301 谢谢', 'status', { room: '8-2-301' }],
    ['欠费名单？', 'unpaid'],
    ['/unpaid 8栋', 'unpaid', { text: '8栋' }],
    ['欠费名单', 'unpaid'],
    ['未交名单', 'unpaid'],
    ['欠费', 'unpaid'],
    ['/unpaid', 'unpaid'],
    ['欠費名單', 'unpaid'],
    ['欠费名单 8栋', 'unpaid', { text: '8栋' }],
    ['欠费 8栋', 'unpaid', { text: '8栋' }],
  ]);
});

describe('complain', () => {
  check([
    ['投诉 楼道堆放杂物', 'complain', { text: '楼道堆放杂物' }],
    ['报修 5栋漏水', 'complain', { text: '5栋漏水' }],
    ['反映 车辆占用消防通道', 'complain', { text: '车辆占用消防通道' }],
    ['/complain 有人飞线充电', 'complain', { text: '有人飞线充电' }],
    ['我要投诉 楼道堆满杂物', 'complain', { text: '楼道堆满杂物' }],
    ['投诉楼道堆满杂物', 'complain', { text: '楼道堆满杂物' }],
    ['投诉一下 楼道灯坏了', 'complain', { text: '楼道灯坏了' }],
    ['投诉：楼上噪音太大', 'complain', { text: '楼上噪音太大' }],
    ['投訴 樓道堆滿雜物', 'complain', { text: '樓道堆滿雜物' }],
    ['報修 廚房漏水', 'complain', { text: '廚房漏水' }],
    ['反應 垃圾沒人清', 'complain', { text: '垃圾沒人清' }],
    ['举报 有人飞线充电', 'complain', { text: '有人飞线充电' }],
    ['你好，我要投诉 楼道灯坏了', 'complain', { text: '楼道灯坏了' }],
    ['@邻里 投诉 楼道灯坏了', 'complain', { text: '楼道灯坏了' }],
    ['@邻里\u2005投诉 楼道灯坏了', 'complain', { text: '楼道灯坏了' }],
    ['麻烦 报修 三楼　楼道灯不亮', 'complain', { text: '三楼 楼道灯不亮' }],
    ['投诉 8栋2单元301 装修噪音', 'complain', { room: '8-2-301', text: '8栋2单元301 装修噪音' }],
    ['投诉 我交了钱还被催', 'complain', { text: '我交了钱还被催' }],
    ['投诉 楼道灯坏了好几天了，有人管吗？', 'complain', { text: '楼道灯坏了好几天了，有人管吗？' }],
    ['投诉 <b>楼道</b>', 'complain', { text: '<b>楼道</b>' }],
    ['反映个问题 楼道太脏', 'complain', { text: '楼道太脏' }],
    ['报修：8栋2单元301 厕所漏水', 'complain', { room: '8-2-301', text: '8栋2单元301 厕所漏水' }],
    ['投诉', 'complain', { error: 'text_required' }],
    ['投诉！', 'complain', { error: 'text_required' }],
    ['我想投诉', 'complain', { error: 'text_required' }],
    ['/complain', 'complain', { error: 'text_required' }],
    ['投诉 ' + '吵'.repeat(2001), 'complain', { error: 'text_too_long' }],
  ]);

  it('keeps a body of exactly 2000 characters', () => {
    const body = '吵'.repeat(2000);
    expect(parseCommand(`投诉 ${body}`)).toEqual({ ...emptyCommand('complain'), text: body });
  });
});

describe('tickets: accept, resolve, rate, list', () => {
  check([
    ['受理 T7', 'accept', { ref: 'T7' }],
    ['受理T7', 'accept', { ref: 'T7' }],
    ['/accept t7', 'accept', { ref: 'T7' }],
    ['受理', 'accept', { error: 'ref_required' }],
    ['受理 P7', 'accept', { error: 'ref_invalid' }],
    ['完成 T7 已清理', 'resolve', { ref: 'T7', text: '已清理' }],
    ['完成 T7', 'resolve', { ref: 'T7' }],
    ['/resolve T7 note', 'resolve', { ref: 'T7', text: 'note' }],
    ['/resolve', 'resolve', { error: 'ref_required' }],
    ['办结 T7', 'resolve', { ref: 'T7' }],
    ['评价 T7 5', 'rate', { ref: 'T7', rating: 5 }],
    ['/rate T7 5', 'rate', { ref: 'T7', rating: 5 }],
    ['评价 T7 五星', 'rate', { ref: 'T7', rating: 5 }],
    ['评价T7 5分', 'rate', { ref: 'T7', rating: 5 }],
    ['評價 T7 ５', 'rate', { ref: 'T7', rating: 5 }],
    ['评价 T7 三颗星', 'rate', { ref: 'T7', rating: 3 }],
    ['评价 T7 ⭐⭐⭐⭐', 'rate', { ref: 'T7', rating: 4 }],
    ['评价 T7 5 很满意', 'rate', { ref: 'T7', rating: 5, text: '很满意' }],
    ['评价 T7 5颗星 谢谢师傅', 'rate', { ref: 'T7', rating: 5, text: '谢谢师傅' }],
    ['受理 T7 马上处理', 'accept', { ref: 'T7' }],
    ['确认 P12 谢谢', 'confirm', { ref: 'P12' }],
    ['确认 p12。', 'confirm', { ref: 'P12' }],
    ['评价 T7', 'rate', { ref: 'T7', error: 'rating_invalid' }],
    ['评价 T7 6', 'rate', { ref: 'T7', error: 'rating_invalid' }],
    ['评价 T7 0', 'rate', { ref: 'T7', error: 'rating_invalid' }],
    ['评价 T7 10分', 'rate', { ref: 'T7', error: 'rating_invalid' }],
    ['评价 T7 满意', 'rate', { ref: 'T7', rating: 5 }],
    ['评价 T7 五星好评', 'rate', { ref: 'T7', rating: 5 }],
    ['评价T7 一般', 'rate', { ref: 'T7', rating: 3 }],
    ['评价 T7 不满意 还在漏水', 'rate', { ref: 'T7', rating: 1, text: '还在漏水' }],
    ['評價 T7 不滿意', 'rate', { ref: 'T7', rating: 1 }],
    ['评价 T7 差评', 'rate', { ref: 'T7', rating: 1 }],
    ['评价 T7 好好', 'rate', { ref: 'T7', error: 'rating_invalid' }],
    ['/rate T7', 'rate', { ref: 'T7', error: 'rating_invalid' }],
    ['评价 5', 'rate', { error: 'ref_required' }],
    ['评价 P7 5', 'rate', { error: 'ref_invalid' }],
    ['工单', 'tickets'],
    ['工单列表', 'tickets'],
    ['查看工单 T7', 'tickets', { ref: 'T7' }],
    ['工单 T7', 'tickets', { ref: 'T7' }],
    ['/tickets', 'tickets'],
    ['/ticket T7', 'tickets', { ref: 'T7' }],
    ['工单 T7 分类 漏水', 'tickets', { ref: 'T7', text: '分类 漏水' }],
    ['/tickets T7 category leak', 'tickets', { ref: 'T7', text: 'category leak' }],
    ['工单 未处理', 'tickets', { text: '未处理' }],
    ['/tickets open', 'tickets', { text: 'open' }],
    ['工单 P3', 'tickets', { error: 'ref_invalid' }],
  ]);
});

describe('reminders', () => {
  check([
    ['提醒 每月1日 9:00 请缴纳卫生费', 'remind', { text: '每月1日 9:00 请缴纳卫生费' }],
    ['提醒每月1日9:00请缴纳卫生费', 'remind', { text: '每月1日9:00请缴纳卫生费' }],
    ['/remind 每周五 18:00 倒垃圾', 'remind', { text: '每周五 18:00 倒垃圾' }],
    ['提醒', 'remind', { error: 'text_required' }],
    ['/remind', 'remind', { error: 'text_required' }],
    ['提醒列表', 'reminders'],
    ['查看提醒', 'reminders'],
    ['/reminders', 'reminders'],
    ['取消提醒 R2', 'cancel', { ref: 'R2' }],
    ['取消 R2', 'cancel', { ref: 'R2' }],
    ['/cancel R2', 'cancel', { ref: 'R2' }],
    ['/cancel r2', 'cancel', { ref: 'R2' }],
    ['取消提醒', 'cancel', { error: 'ref_required' }],
    ['/cancel', 'cancel', { error: 'ref_required' }],
    ['取消 P2', 'cancel', { error: 'ref_invalid' }],
    ['取消提醒 T2', 'cancel', { error: 'ref_invalid' }],
  ]);
});

describe('urge, tally, notice', () => {
  check([
    ['催缴', 'urge'], ['/urge', 'urge'], ['催缴 8-2-301', 'urge', { room: '8-2-301' }],
    ['统计', 'tally'], ['統計', 'tally'], ['统计一下', 'tally'], ['/tally', 'tally'],
    ['公示', 'notice'], ['公示一下', 'notice'], ['/notice', 'notice'], ['/notice@linli_bot', 'notice'],
    ['统计 今天', 'tally', { text: '今天' }], ['/tally today', 'tally', { text: 'today' }],
    ['公示 本周', 'notice', { text: '本周' }], ['催缴 8栋', 'urge', { text: '8栋' }], ['/urge 8-2-301', 'urge', { room: '8-2-301' }],
  ]);
});

describe('robustness', () => {
  const weird = [
    '', '\u0000\u0001\u0002', '\ud800', '\udc00abc', '投诉 \ud800', '😀'.repeat(1000), '\u3000\u3000',
    '/', '//', '/@', '@', '@ ', '#', '¥', '-', '.', '一万万万', '九'.repeat(500), '已交' + '9'.repeat(400),
    '确认 ' + 'P'.repeat(1000), '8-'.repeat(1000), '已交 ' + '8栋2单元301 '.repeat(200), 'null', 'undefined',
    '{"intent":"pay"}', '\r\n', '\t投诉\t楼道\t',
  ];
  it.each(weird)('never throws on %j', (input) => {
    const cmd = parseCommand(input);
    expect(typeof cmd.intent).toBe('string');
    expect(Object.keys(cmd).slice(0, 7)).toEqual(['intent', 'room', 'amountFen', 'months', 'ref', 'rating', 'text']);
    if (cmd.error !== undefined) expect(ERROR_CODES).toContain(cmd.error);
  });

  it('does not throw on values that are not strings', () => {
    expect(parseCommand(undefined as unknown as string).intent).toBe('none');
    expect(parseCommand(42 as unknown as string).intent).toBe('none');
  });

  it('strips zero-width characters and odd whitespace', () => {
    expect(parseCommand('已\u200b交\u200d60\ufeff元')).toEqual({ ...emptyCommand('pay'), amountFen: 6000 });
    expect(parseCommand('投诉\u3000楼道\n堆满\t杂物')).toEqual({ ...emptyCommand('complain'), text: '楼道 堆满 杂物' });
  });

  const N = 100_000;
  const big: [string, string][] = [
    ['digits', '9'.repeat(N)],
    ['chinese numerals', '一十'.repeat(N / 2)],
    ['pay verbs', '交了'.repeat(N / 2)],
    ['room-like', '8-2-'.repeat(N / 4)],
    ['buildings', '8栋'.repeat(N / 2)],
    ['claims', '已交60元 8-2-301 '.repeat(N / 14)],
    ['complaint', '投诉 ' + '楼'.repeat(N)],
    ['spaces', ' 一'.repeat(N / 2)],
    ['decimals', '1.'.repeat(N / 2)],
    ['refs', '确认 ' + 'P'.repeat(N)],
    ['mentions', '@a '.repeat(N / 3)],
    ['lead-ins', '请'.repeat(N)],
    ['surrogates', '\ud800'.repeat(N)],
    ['hand-overs', '交给'.repeat(N / 2) + '60元'],
    ['amounts', '60元'.repeat(N / 3)],
  ];
  // No regex backtracks on huge input: the test's timeout is the bound (speed is measured by npm run bench).
  it.each(big)('parses 100 KB of %s', (_name, input) => {
    expect(parseCommand(input).intent).toBeTypeOf('string');
  });
});

describe('JSON output', () => {
  it('prints every key in order, error last and only when present', () => {
    expect(commandToJson(parseCommand('已交60元 8-2-301'))).toBe(
      '{"intent":"pay","room":"8-2-301","amountFen":6000,"months":null,"ref":null,"rating":null,"text":null,"again":null,"topic":null,"items":null,"plan":null,"offer":null}',
    );
    expect(commandToJson(parseCommand('确认'))).toBe(
      '{"intent":"confirm","room":null,"amountFen":null,"months":null,"ref":null,"rating":null,"text":null,"again":null,"topic":null,"items":null,"plan":null,"offer":null,"error":"ref_required"}',
    );
  });
});

describe('the parse as a union by intent', () => {
  it('narrows to the intent a processor handles, with its guaranteed keys', () => {
    const bind = commandAs(parseCommand('绑定 8-2-301'), 'bind');
    const room: string = bind.room;
    expect(room).toBe('8-2-301');
    const decided = commandAs(parseCommand('驳回 P12 金额不符'), 'confirm', 'reject');
    const ref: string = decided.ref;
    expect([ref, decided.text]).toEqual(['P12', '金额不符']);
  });

  it('refuses another intent, a usage error, and chatter', () => {
    expect(() => commandAs(parseCommand('确认 P12'), 'bind')).toThrow(WrongIntentError);
    expect(() => commandAs(parseCommand('绑定'), 'bind')).toThrow(WrongIntentError);
    expect(() => commandAs(parseCommand('你好'), 'bind')).toThrow(WrongIntentError);
  });
});

describe('detectLocale', () => {
  const cases: [string, string][] = [
    ['已交60元', 'zh-Hans'], ['已繳六十元', 'zh-Hant'], ['確認 P12', 'zh-Hant'], ['/paid 60', 'en'],
    ['/help', 'en'], ['help', 'en'], ['8-2-301', 'zh-Hans'], ['', 'zh-Hans'], ['投诉 TV太吵', 'zh-Hans'],
    ['８－２－３０１', 'zh-Hans'],
  ];
  it.each(cases)('%s → %s', (input, locale) => {
    expect(detectLocale(input)).toBe(locale);
  });
});

async function runCli(args: string[], input?: string | string[]): Promise<{ code: number; out: string }> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const done = runParseCommand(args, { stdin, stdout });
  for (const chunk of typeof input === 'string' ? [input] : input ?? []) stdin.write(chunk);
  stdin.end();
  const code = await done;
  return { code, out };
}

describe('linli parse', () => {
  it('refuses unknown flags with the usage (exit 2); text that starts with "-" comes after "--"', async () => {
    for (const args of [['--zone3'], ['--json', '已交60元'], ['-', 'extra'], ['--']]) {
      const { code, out } = await runCli(args);
      expect(code, args.join(' ')).toBe(2);
      expect(out).toMatch(/usage: linli parse/);
    }
    expect((await runCli(['--help'])).code).toBe(0);
    const { code, out } = await runCli(['--', '-已交60元']);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ intent: 'pay', amountFen: 6000 });
  });

  it('prints one JSON object and a newline for an argument', async () => {
    const { code, out } = await runCli(['已交60元 8-2-301']);
    expect(code).toBe(0);
    expect(out).toBe(
      '{"intent":"pay","room":"8-2-301","amountFen":6000,"months":null,"ref":null,"rating":null,"text":null,"again":null,"topic":null,"items":null,"plan":null,"offer":null}\n',
    );
  });

  it('joins unquoted words into one message', async () => {
    const { out } = await runCli(['投诉', '楼道堆满杂物']);
    expect(JSON.parse(out)).toMatchObject({ intent: 'complain', text: '楼道堆满杂物' });
  });

  it('reads one message per line from stdin, CRLF and a last line without newline included', async () => {
    const { code, out } = await runCli(['-'], ['已交60元\r\n确认 ', 'P12\r', '\n\n帮助']);
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l).intent)).toEqual(['pay', 'confirm', 'none', 'help']);
    expect(JSON.parse(lines[1]).ref).toBe('P12');
  });

  it('prints nothing for empty stdin', async () => {
    expect(await runCli(['-'], '')).toEqual({ code: 0, out: '' });
  });

  it('fails with usage when given no argument', async () => {
    const { code, out } = await runCli([]);
    expect(code).not.toBe(0);
    expect(out).toContain('usage');
  });
});
