import { describe, expect, it } from 'vitest';
import { categoryNamed, classifyComplaint } from '../src/text/ticket-categories.js';
import { localTime } from '../src/time/local-time.js';
import { isMeaningfulComplaint } from '../src/tickets/meaningful.js';
import { NoticeBatch, notifyAddress } from '../src/tickets/notify.js';
import { buildingInText } from '../src/tickets/place.js';
import { DEFAULT_SLA, dueTimes, reminderAt } from '../src/tickets/sla.js';
import { open311Status } from '../src/tickets/statuses.js';

describe('classifyComplaint', () => {
  it.each([
    ['8栋楼道堆放杂物', 'clutter'],
    ['楼道里有人飞线充电', 'flying_wire'],
    ['电动车在楼道充电，很危险', 'flying_wire'],
    ['车辆占用消防通道', 'fire_lane'],
    ['5栋漏水', 'leak_drain'],
    ['下水道堵了，污水冒出来', 'leak_drain'],
    ['9栋3单元楼道灯不亮', 'lighting_wiring'],
    ['门口垃圾没人清理', 'environment'],
    ['路上全是落叶和积水', 'leak_drain'],
    ['楼上半夜装修太吵', 'noise'],
    ['树枝太长挡住窗户，需要修剪', 'greenery'],
    ['单元门门禁坏了', 'security'],
    ['物业态度不好', 'other'],
    ['樓道堆放雜物', 'clutter'],
    ['rubbish in the stairwell', 'clutter'],
    ['car parked in the fire lane', 'fire_lane'],
  ])('%s → %s', (text, category) => {
    expect(classifyComplaint(text)).toBe(category);
  });

  it('reads a category staff name', () => {
    expect(categoryNamed('飞线充电')).toBe('flying_wire');
    expect(categoryNamed('漏水')).toBe('leak_drain');
    expect(categoryNamed('其他')).toBe('other');
    expect(categoryNamed('greenery')).toBe('greenery');
    expect(categoryNamed('瞎写')).toBeNull();
    expect(categoryNamed('')).toBeNull();
  });
});

describe('isMeaningfulComplaint', () => {
  it.each(['8栋楼道堆放杂物', '漏水', '门禁坏了', 'broken gate'])('%s says what is wrong', (t) => expect(isMeaningfulComplaint(t)).toBe(true));
  it.each(['8栋', '啊啊啊啊', '有问题', '？？？', '123', '8-2-301', '一下', '物业'])('%s does not', (t) => expect(isMeaningfulComplaint(t)).toBe(false));
});

describe('buildingInText', () => {
  it.each([
    ['8栋楼道堆放杂物', '8'],
    ['8号楼门口积水', '8'],
    ['八栋漏水', '8'],
    ['8栋2单元301漏水', '8'],
    ['12幢路灯坏了', '12'],
    ['water in building 5', '5'],
    ['楼道堆放杂物', null],
    ['电话13812345678', null],
  ])('%s → %s', (text, code) => expect(buildingInText(text)).toBe(code));
});

describe('SLA', () => {
  it('is much shorter for fire risks than for greenery', () => {
    expect(DEFAULT_SLA.flying_wire.acceptMinutes).toBeLessThan(DEFAULT_SLA.greenery.acceptMinutes / 10);
    expect(DEFAULT_SLA.fire_lane.resolveMinutes).toBeLessThan(DEFAULT_SLA.greenery.resolveMinutes / 10);
    for (const rule of Object.values(DEFAULT_SLA)) expect(rule.acceptMinutes).toBeLessThan(rule.resolveMinutes);
  });

  it('reminds at three quarters of the time', () => {
    const start = new Date('2026-11-20T12:00:00Z');
    const due = dueTimes(start, { acceptMinutes: 40, resolveMinutes: 240 });
    expect(due.acceptDueAt.toISOString()).toBe('2026-11-20T12:40:00.000Z');
    expect(reminderAt(start, due.acceptDueAt).toISOString()).toBe('2026-11-20T12:30:00.000Z');
  });
});

describe('open311Status', () => {
  it('maps every status onto open/closed with a sub-status', () => {
    expect(open311Status({ status: 'open', cycle: 1, escalation_level: 0 })).toEqual({ status: 'open', subStatus: 'submitted' });
    expect(open311Status({ status: 'open', cycle: 2, escalation_level: 0 })).toEqual({ status: 'open', subStatus: 'reopened' });
    expect(open311Status({ status: 'open', cycle: 1, escalation_level: 1 })).toEqual({ status: 'open', subStatus: 'escalated' });
    expect(open311Status({ status: 'accepted', cycle: 1, escalation_level: 0 })).toEqual({ status: 'open', subStatus: 'in_progress' });
    expect(open311Status({ status: 'resolved', cycle: 1, escalation_level: 2 })).toEqual({ status: 'closed', subStatus: 'resolved' });
    expect(open311Status({ status: 'closed', cycle: 1, escalation_level: 0 })).toEqual({ status: 'closed', subStatus: 'closed' });
  });
});

describe('notices', () => {
  const group = { platform: 'console' as const, chatId: 'g' };
  it('go privately where the platform allows, else to the chat the ticket came from', () => {
    expect(notifyAddress({ platform: 'telegram', platformUserId: '42' }, { platform: 'telegram', chatId: '-100' })).toEqual({ platform: 'telegram', chatId: '42' });
    expect(notifyAddress({ platform: 'wechat', platformUserId: 'wxid_a' }, { platform: 'wechat', chatId: 'room@chatroom' })).toEqual({ platform: 'wechat', chatId: 'wxid_a' });
    expect(notifyAddress({ platform: 'console', platformUserId: 'c1' }, group)).toEqual(group);
  });

  it('merge per chat, saying the same words once', () => {
    const b = new NoticeBatch();
    b.add(group, 'reply');
    b.add({ platform: 'telegram', chatId: '42' }, 'private');
    b.add(group, 'notice', ['u1']);
    b.add(group, 'notice', ['u2']);
    expect(b.all()).toEqual([
      { to: group, text: 'reply\nnotice', mentions: ['u1', 'u2'] },
      { to: { platform: 'telegram', chatId: '42' }, text: 'private', mentions: [] },
    ]);
  });

  it('show times in the estate’s zone', () => {
    expect(localTime(new Date('2026-11-20T16:05:00Z'), 'Asia/Shanghai')).toEqual({ zh: '11月21日 00:05', en: '21 Nov 00:05' });
    expect(localTime(new Date('2026-11-20T16:05:00Z'), 'UTC')).toEqual({ zh: '11月20日 16:05', en: '20 Nov 16:05' });
  });
});
