import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { handleMessage, type HandlerPorts } from '../handlers/handle-message.js';
import { floodGuard } from '../handlers/flood-guard.js';
import { manualClock } from '../src/clock.js';
import { userText } from '../src/i18n/user-text.js';
import { groupMessage } from './reliability/harness.js';

const NASTY = ['@所有人', '@all', "'; drop table payments; --", '<b>x</b><script>alert(1)</script>', '**bold** [x](http://e.vil)', '\u202e', '\u0000', '\u200b',
  '99999999999999999999999元', '已交1e309元', '2月30日', '13800138000', '已交-5元', '确认 P99999999999999999999', '收费 8-2-301 NaN'];
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.tuple(fc.constantFrom('已交', '绑定 ', '确认 ', '驳回 ', '收费 ', '查询 ', '投诉 ', '提醒 ', '/paid ', '/collect '), fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 50 })).map((p) => p.join('')),
);

function recordingPorts() {
  const calls: { kind: 'job' | 'answer'; text?: string; data?: unknown }[] = [];
  const ports: HandlerPorts = {
    enqueueCommand: async (_n, data) => void calls.push({ kind: 'job', data }),
    answer: async (_m, _k, t) => void calls.push({ kind: 'answer', text: t }),
  };
  return { calls, ports };
}

describe('hostile input', () => {
  it('never crashes the handler, and every usage error gets a short reply', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const { calls, ports } = recordingPorts();
        const r = await handleMessage(groupMessage('u1', t, 'm1'), ports);
        expect(['ignored', 'answered', 'queued']).toContain(r);
        for (const c of calls) if (c.kind === 'answer') expect(c.text!.length).toBeLessThan(1000);
        // A queued job's payload is plain JSON, with phone numbers masked.
        for (const c of calls) if (c.kind === 'job') expect(JSON.stringify(c.data)).not.toMatch(/1[3-9]\d{9}/);
      }),
      { numRuns: 400 },
    );
  });

  // No regex backtracks on huge input: the test's timeout is the bound (speed is measured by npm run bench).
  it('handles 100 KB texts', async () => {
    for (const t of ['投诉 ' + '楼道'.repeat(50_000), '已交' + '9'.repeat(100_000) + '元', '绑定 ' + '8-'.repeat(50_000), '@所有人 '.repeat(20_000)]) {
      const { calls, ports } = recordingPorts();
      const r = await handleMessage(groupMessage('u1', t, 'm1'), ports);
      expect(['ignored', 'answered', 'queued']).toContain(r);
      expect(calls.length).toBeLessThanOrEqual(1);
    }
  });

  it('quotes user text without mentions, markup-breaking controls or direction overrides', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (s) => {
        const q = userText(s);
        expect(q).not.toMatch(/[@\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
        expect(Array.from(q).length).toBeLessThanOrEqual(201);
      }),
    );
  });

  it('gives a flooding member bounded work and one warning, and does not slow others', async () => {
    const clock = manualClock(new Date('2026-11-20T00:00:00Z'));
    const { calls, ports } = recordingPorts();
    const guarded = floodGuard(ports, clock, { burst: 20, refillMs: 1000 });
    for (let i = 0; i < 50; i++) {
      await handleMessage(groupMessage('flooder', '查询', `f${i}`), guarded);
      clock.advance(20); // 50 a second
    }
    await handleMessage(groupMessage('neighbour', '查询', 'n1'), guarded);
    const jobs = calls.filter((c) => c.kind === 'job');
    expect(jobs.length).toBeLessThanOrEqual(21 + 1);
    expect(calls.filter((c) => c.kind === 'answer' && /太快/.test(c.text!))).toHaveLength(1);
    expect(jobs.some((j) => (j.data as { senderId: string }).senderId === 'neighbour')).toBe(true);
    // After a quiet spell the member is welcome again.
    clock.advance(60_000);
    await handleMessage(groupMessage('flooder', '查询', 'later'), guarded);
    expect(calls.at(-1)!.kind).toBe('job');
  });
});
