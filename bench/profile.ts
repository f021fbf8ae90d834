import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** A V8 CPU profile of this process while `fn` runs (what `node --cpu-prof` records), saved to `file`. */
export async function profiled<T>(file: string | null, fn: () => Promise<T>): Promise<{ result: T; profile: Profile }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 500 });
  await session.post('Profiler.start');
  let result: T;
  let profile: Profile;
  try {
    result = await fn();
  } finally {
    profile = ((await session.post('Profiler.stop')) as unknown as { profile: Profile }).profile;
    session.disconnect();
  }
  if (file) writeFileSync(file, JSON.stringify(profile));
  return { result, profile };
}

/** Which part of the system a frame belongs to. */
function area(url: string, fn: string): string {
  if (!url) {
    if (fn === '(idle)') return '(idle: waiting on Postgres/Redis)';
    if (fn === '(garbage collector)') return '(garbage collector)';
    if (fn === '(program)') return '(V8/native)';
    return `(native ${fn || 'anonymous'})`;
  }
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (nm) return nm[1];
  if (url.startsWith('node:')) return 'node core';
  const app = /\/(src|jobs|handlers|bench)\/(.*)$/.exec(url);
  return app ? `${app[1]}/${app[2].replace(/\.[tj]s$/, '')}` : url;
}

/** Self time by area and by function, as fractions of the profile. */
export function topCosts(profile: Profile, n = 12): { areas: Array<[string, number]>; functions: Array<[string, number]> } {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (deltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
  const byArea = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const node of profile.nodes) {
    const t = self.get(node.id) ?? 0;
    if (!t) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const a = area(url, functionName);
    byArea.set(a, (byArea.get(a) ?? 0) + t);
    const fname = `${functionName || '(anonymous)'} ${url ? `${a}:${lineNumber + 1}` : ''}`.trim();
    byFn.set(fname, (byFn.get(fname) ?? 0) + t);
  }
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([k, v]) => [k, v / total] as [string, number]);
  return { areas: top(byArea), functions: top(byFn) };
}
