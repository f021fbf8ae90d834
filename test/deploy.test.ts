import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Docker and systemd do not run here: these check the files say what the README promises.

/** Keys set in .env.example (commented or not). */
const exampleKeys = new Set([...readFileSync('.env.example', 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));

/** A systemd unit as section → key → values (a key may repeat). */
function unit(file: string): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  let section = '';
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const s = /^\[(\w+)\]$/.exec(line);
    if (s) {
      section = s[1];
      out[section] = {};
      continue;
    }
    const i = line.indexOf('=');
    expect(i, `${file}: ${line}`).toBeGreaterThan(0);
    const key = line.slice(0, i);
    out[section][key] = [...(out[section][key] ?? []), line.slice(i + 1)];
  }
  return out;
}

type Service = {
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string;
  stop_grace_period?: string;
  image?: string;
  build?: unknown;
  depends_on?: Record<string, unknown>;
};

describe('deploy/docker-compose.yml', () => {
  const compose = parse(readFileSync('deploy/docker-compose.yml', 'utf8')) as { services: Record<string, Service> };
  const { postgres, redis, bot, worker } = compose.services;

  it('runs Postgres, Redis, a bot and a worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['bot', 'postgres', 'redis', 'worker']);
    expect(postgres.image).toMatch(/^postgres:\d+/);
    expect(redis.image).toMatch(/^redis:\d+/);
  });

  it('keeps Redis jobs: append-only file on, never evicting', () => {
    const cmd = redis.command!.join(' ');
    expect(cmd).toMatch(/--appendonly yes/);
    expect(cmd).toMatch(/--maxmemory-policy noeviction/);
  });

  it('gives the bot and the worker distinct roles, the same database and Redis, and time to drain', () => {
    expect(bot.command).toEqual(['start', '--role', 'bot']);
    expect(worker.command).toEqual(['start', '--role', 'worker']);
    for (const s of [bot, worker]) {
      expect(s.environment?.DATABASE_URL).toMatch(/^postgres:\/\/\w+:\w+@postgres:5432\//);
      expect(s.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(Number.parseInt(s.stop_grace_period ?? '0', 10)).toBeGreaterThan(30);
      expect(s.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
    expect(bot.environment?.DATABASE_URL).toBe(worker.environment?.DATABASE_URL);
  });

  it('uses only settings that .env.example documents', () => {
    const used = [bot, worker].flatMap((s) => Object.keys(s.environment ?? {}));
    expect(used.filter((k) => !exampleKeys.has(k))).toEqual([]);
  });
});

describe('deploy/Dockerfile', () => {
  it('installs a CJK font for the charts and runs the linli CLI', () => {
    const docker = readFileSync('deploy/Dockerfile', 'utf8');
    expect(docker).toMatch(/apt-get install[^\n]*fonts-noto-cjk/);
    expect(docker).toMatch(/npm ci --omit=dev/);
    expect(docker).toMatch(/ENTRYPOINT \["node", "bin\/linli\.js"\]/);
  });
});

describe('deploy/systemd', () => {
  it.each([
    ['deploy/systemd/linli-bot.service', 'bot'],
    ['deploy/systemd/linli-worker.service', 'worker'],
  ])('%s restarts always, reads its environment file, lets linli stop its own Postgres, waits out the drain', (file, role) => {
    const { Service, Install } = unit(file);
    expect(Service.ExecStart).toEqual([expect.stringMatching(new RegExp(`bin/linli\\.js start --role ${role}$`))]);
    expect(Service.Restart).toEqual(['always']);
    expect(Service.EnvironmentFile).toHaveLength(1);
    expect(Service.KillMode).toEqual(['mixed']);
    expect(Number(Service.TimeoutStopSec[0])).toBeGreaterThan(30);
    expect(Install.WantedBy).toEqual(['multi-user.target']);
  });

  it('backs up nightly, by a oneshot service and its timer', () => {
    const service = unit('deploy/systemd/linli-backup.service');
    expect(service.Service.Type).toEqual(['oneshot']);
    expect(service.Service.ExecStart[0]).toMatch(/bin\/linli\.js backup "\/var\/backups\/linli\/linli-\$\(date \+%%Y-%%m-%%d\)\.jsonl\.gz"/);
    expect(service.Service.EnvironmentFile).toHaveLength(1);
    const timer = unit('deploy/systemd/linli-backup.timer');
    expect(timer.Timer.OnCalendar).toEqual(['*-*-* 03:30:00']);
    expect(timer.Timer.Persistent).toEqual(['true']);
    expect(timer.Timer.Unit).toEqual(['linli-backup.service']);
    expect(timer.Install.WantedBy).toEqual(['timers.target']);
  });
});
