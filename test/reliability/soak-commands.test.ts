import { afterAll, beforeAll, expect, it } from 'vitest';
import { prng } from '../../src/prng.js';
import { JOBS_QUEUE, outboundQueue } from '../../src/queue/queue-names.js';
import { waitForEmpty } from '../../src/runtime/settle.js';
import { soakCommands } from '../chaos/soak-commands.js';
import { startPipeline, type Pipeline } from '../support/pipeline.js';

// `npm run chaos -- --commands 3000` once "did not settle": its collections went round-robin over
// one zone's 132 rooms with random amounts, so about half repeated a room and amount by the same
// grid worker within 30 minutes, which the duplicate guard rightly holds back (确认收费?). The soak
// counted those as never booked. Its commands must each be booked as sent, however many.
let p: Pipeline;
beforeAll(async () => {
  p = await startPipeline('soak_commands', 'redis', { env: { LINLI_FLOOD_BURST: '10000' } });
});
afterAll(() => p.close());

it('books every one of 400 soak collections (more than a zone has rooms), none held as a repeat', async () => {
  const { messages, expected } = await soakCommands(p.t.db, 400, prng(7));
  for (const m of messages) expect(await p.bot.receive(m)).toBe('queued');
  await waitForEmpty(p.factory.queue(JOBS_QUEUE), 60_000);
  await waitForEmpty(p.factory.queue(outboundQueue('console')), 60_000);
  const keys = [...expected.keys()];
  const rows = await p.t.db.selectFrom('payments').select(['source_key', 'amount_fen']).where('source_key', 'in', keys).execute();
  expect(new Map(rows.map((r) => [r.source_key, r.amount_fen]))).toEqual(expected);
  expect(await p.t.db.selectFrom('ledger_holds').select('id').execute()).toEqual([]);
}, 90_000);
