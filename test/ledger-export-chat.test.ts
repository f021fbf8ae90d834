import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { initTestDb } from './support/db.js';
import { runCli } from './support/run-cli.js';
import { roomsInLedger } from './support/ledger-file.js';

const SAVED = 'linli: [文件] 已保存到 ';


describe('导出台账 in the chat', () => {
  it('sends a grid worker her zone and an admin the estate as .xlsx files, and refuses a resident', async () => {
    const db = await initTestDb('ledger_export_chat');
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'linli-export-'));
    try {
      const r = await runCli(['console', '--demo'], {
        input: '刘雅玲: 导出台账\n戴红霞: /export\n向大叔: 导出台账\n',
        env: { DATABASE_URL: db.url, REDIS_URL: inject('redisUrl'), LINLI_QUEUE_PREFIX: `t-export-${process.pid}`, LINLI_DATA_DIR: dataDir },
      });
      expect(r.code, r.stderr).toBe(0);
      const lines = r.stdout.trim().split('\n');
      const files = lines.filter((l) => l.startsWith(SAVED)).map((l) => l.slice(SAVED.length));
      expect(files).toHaveLength(2);
      expect(lines.find((l) => l.startsWith('linli: 台账（第三片区）'))).toMatch(/\d+户，\d+条缴费记录。文件：台账-.*\.xlsx$/);
      expect(lines.find((l) => l.startsWith('linli: The ledger (whole estate)'))).toBeDefined();
      expect(lines).toContain('linli: 台账导出只对网格员和社区工作人员开放。');
      for (const f of files) expect(f.startsWith(path.join(dataDir, 'console-files'))).toBe(true);

      // Zone 3 is buildings 7–9; the estate file holds every building.
      const zone = await roomsInLedger(files[0]);
      const estate = await roomsInLedger(files[1]);
      expect(zone.has('8-2-301')).toBe(true);
      expect([...zone].every((room) => ['7', '8', '9'].includes(room.split('-')[0]))).toBe(true);
      const total = await db.db.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(estate.size).toBe(Number(total.n));
      expect(estate.size).toBeGreaterThan(zone.size);
      const audit = await db.db.selectFrom('audit_log').select('action').where('action', '=', 'export_ledger').execute();
      expect(audit).toHaveLength(2);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
