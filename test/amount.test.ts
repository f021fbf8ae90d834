import { describe, expect, it } from 'vitest';
import { parseAmount, parsePeriod } from '../src/commands/amount.js';
import { parseChineseNumber } from '../src/text/numerals.js';

describe('parseAmount', () => {
  const valid: [string, number][] = [
    ['60', 6000], ['60元', 6000], ['60块', 6000], ['60塊', 6000], ['¥60', 6000], ['￥60', 6000],
    ['60.00', 6000], ['60.5元', 6050], ['60.05元', 6005], ['六十元', 6000], ['一百二十元', 12000],
    ['两百', 20000], ['６０', 6000], ['60元整', 6000], ['RMB60', 6000], ['rmb 60', 6000],
    ['60块钱', 6000], ['六十块钱', 6000], ['兩百元', 20000], ['一百二', 12000], ['两百五', 25000],
    ['5元', 500], ['0.5元', 50], ['100000', 10_000_000], ['1万', 1_000_000], ['1.5万元', 1_500_000],
    ['壹佰元', 10000], ['一万', 1_000_000], ['60 元', 6000], ['人民币60元', 6000], ['060', 6000],
  ];
  it.each(valid)('%s → %i fen', (input, fen) => {
    expect(parseAmount(input)).toBe(fen);
  });

  const invalid = [
    '0', '0元', '-60', '-60元', '100001', '100000.01', '99999999999999999999', '60.123', '0.001',
    '零元', '十万零一元', '11万',
  ];
  it.each(invalid)('%s is an impossible amount', (input) => {
    expect(parseAmount(input)).toBe('invalid');
  });

  it.each(['', 'abc', '60元 70元', '8栋', '3个月', '12月'])('%s is no amount', (input) => {
    expect(parseAmount(input)).toBeNull();
  });
});

describe('parsePeriod', () => {
  const cases: [string, number | null][] = [
    ['一年', 12], ['1年', 12], ['全年', 12], ['一整年', 12], ['半年', 6], ['3个月', 3],
    ['三个月', 3], ['两个月', 2], ['12个月', 12], ['一年半', 18], ['两年', 24], ['一个季度', 3],
    ['3 个月', 3], ['三個月', 3], ['0个月', null], ['2024年', null], ['12月', null], ['半个月', null],
  ];
  it.each(cases)('%s → %s', (input, months) => {
    expect(parsePeriod(input)).toBe(months);
  });
});

describe('parseChineseNumber', () => {
  const cases: [string, number | null][] = [
    ['一', 1], ['十', 10], ['十一', 11], ['二十', 20], ['一百零二', 102], ['一百二', 120],
    ['两千五', 2500], ['一万二千三百四十五', 12345], ['三零一', 301], ['十百', null], ['abc', null], ['', null],
  ];
  it.each(cases)('%s → %s', (input, n) => {
    expect(parseChineseNumber(input)).toBe(n);
  });
});
