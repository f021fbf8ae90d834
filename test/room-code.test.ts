import { describe, expect, it } from 'vitest';
import { foldText } from '../src/text/fold-text.js';
import { findRoomCode, parseRoomCode } from '../src/text/room-code.js';

describe('parseRoomCode', () => {
  const valid: [string, string][] = [
    ['8-2-301', '8-2-301'],
    ['8栋2单元301', '8-2-301'],
    ['8幢2单元301室', '8-2-301'],
    ['8号楼2单元301', '8-2-301'],
    ['8#2-301', '8-2-301'],
    ['８－２－３０１', '8-2-301'],
    ['8栋二单元301', '8-2-301'],
    ['8-301', '8-301'],
    ['8栋301', '8-301'],
    ['8栋301室', '8-301'],
    ['八栋二单元301', '8-2-301'],
    ['8號樓2單元301室', '8-2-301'],
    ['8-2-301室', '8-2-301'],
    ['8 栋 2 单元 301', '8-2-301'],
    ['8　栋　2　单元　301', '8-2-301'],
    ['十八栋三单元1202', '18-3-1202'],
    ['二十一栋1单元502号', '21-1-502'],
    ['8-2-0301', '8-2-301'],
    ['08-02-301', '8-2-301'],
    ['8座2单元301', '8-2-301'],
    ['8—2—301', '8-2-301'],
    ['8#301', '8-301'],
    ['999-99-9999', '999-99-9999'],
    ['8-2-1', '8-2-1'],
    ['8号2单元301', '8-2-301'],
    ['\u200b8-2-301\u200b', '8-2-301'],
  ];
  it.each(valid)('%s → %s', (input, expected) => {
    expect(parseRoomCode(input)).toBe(expected);
  });

  const invalid = [
    '', '8', '301', '8栋', '8栋2单元', '1000-2-301', '8-100-301', '0-2-301', '8-0-301', '8-2-0',
    '8-2-12345', '8-01', '10-15', '2024-10-01', '138-1234-5678', '8号301', 'abc', '8-2-301-5',
    '8栋2单元301 还有', 'P12',
  ];
  it.each(invalid)('%s is not a room code', (input) => {
    expect(parseRoomCode(input)).toBeNull();
  });
});

describe('findRoomCode', () => {
  const cases: [string, string | null][] = [
    ['我家8-2-301已经交了', '8-2-301'],
    ['已缴 5元 8栋2单元301', '8-2-301'],
    ['住在八栋二单元301室的张阿姨', '8-2-301'],
    ['今天是2024-10-01', null],
    ['电话 138-1234-5678', null],
    ['60.5元', null],
    ['9:00开会', null],
  ];
  it.each(cases)('%s → %s', (input, expected) => {
    const hit = findRoomCode(foldText(input));
    expect(hit?.room ?? null).toBe(expected);
  });

  it('reports a room-shaped code with absurd numbers as invalid', () => {
    const hit = findRoomCode(foldText('绑定 1000-2-301'));
    expect(hit).not.toBeNull();
    expect(hit?.room).toBeNull();
  });
});
