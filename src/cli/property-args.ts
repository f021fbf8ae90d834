import { parseFlags, type RefusedFlags } from './parse-flags.js';

/** The usage of `linli property`. */
export const PROPERTY_USAGE = `usage:
  linli property list <estate>                          the estate's property-service companies
  linli property add <estate> <name> --serves <services> [--accept <time>] [--resolve <time>]
                     [--trial-until YYYY-MM [--trial-poll]]
      engage a company for some ticket categories (services: 维修, 保洁, 保安, 绿化, or category
      codes / names, comma-separated), with its own deadlines (30m, 4h, 2d); a trial (先尝后买)
      ends after its last month with the residents' rating and, with --trial-poll, a poll on continuing
  linli property end <estate> <name>                    end its service (its staff lose the role)
  linli property rate <estate> <name> [--month YYYY-MM] open this month's service rating by residents now
  staff: linli invite <estate> --role property --company <name>; linli invite <estate> --role committee --party P`;

/** What `linli property …` asks for, values still as typed. */
export type PropertyRequest =
  | { sub: 'list'; estate: string }
  | { sub: 'add'; estate: string; name: string; serves: string; accept?: string; resolve?: string; trialUntil?: string; trialPoll: boolean }
  | { sub: 'end'; estate: string; name: string }
  | { sub: 'rate'; estate: string; name: string; month?: string };

const refuse = (why: string): RefusedFlags => ({ ok: false, code: 2, text: `${why}\n${PROPERTY_USAGE}` });

/** Parse `linli property` arguments strictly. */
export function parsePropertyArgs(args: readonly string[]): { ok: true; request: PropertyRequest } | RefusedFlags {
  const [sub, ...tail] = args;
  if (sub === '--help' || sub === '-h') return { ok: false, code: 0, text: PROPERTY_USAGE };
  switch (sub) {
    case 'list': {
      const p = parseFlags(tail, {}, { min: 1, max: 1 }, PROPERTY_USAGE);
      return p.ok ? { ok: true, request: { sub, estate: p.positionals[0] } } : p;
    }
    case 'add': {
      const p = parseFlags(tail, { serves: 'string', accept: 'string', resolve: 'string', 'trial-until': 'string', 'trial-poll': 'boolean' }, { min: 2, max: 2 }, PROPERTY_USAGE);
      if (!p.ok) return p;
      if (p.flags.serves === undefined) return refuse('--serves is required (e.g. --serves 维修,保洁)');
      if (p.flags['trial-poll'] && p.flags['trial-until'] === undefined) return refuse('--trial-poll needs --trial-until');
      const [estate, name] = p.positionals;
      return { ok: true, request: { sub, estate, name, serves: p.flags.serves, accept: p.flags.accept, resolve: p.flags.resolve, trialUntil: p.flags['trial-until'], trialPoll: p.flags['trial-poll'] } };
    }
    case 'end': {
      const p = parseFlags(tail, {}, { min: 2, max: 2 }, PROPERTY_USAGE);
      return p.ok ? { ok: true, request: { sub, estate: p.positionals[0], name: p.positionals[1] } } : p;
    }
    case 'rate': {
      const p = parseFlags(tail, { month: 'string' }, { min: 2, max: 2 }, PROPERTY_USAGE);
      return p.ok ? { ok: true, request: { sub, estate: p.positionals[0], name: p.positionals[1], month: p.flags.month } } : p;
    }
    default:
      return refuse(sub === undefined ? 'give a subcommand' : `unknown subcommand "${sub}"`);
  }
}
