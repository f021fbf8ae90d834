import { parseArgs } from 'node:util';

/** A command's flags: each takes one value (`string`) or none (`boolean`). */
export type FlagSpec = Readonly<Record<string, 'string' | 'boolean'>>;

/** The values of a FlagSpec as given: a string flag not given is undefined. */
export type FlagValues<F extends FlagSpec> = { [K in keyof F]: F[K] extends 'boolean' ? boolean : string | undefined };

/** A command line that parsed, with where each positional stood (for flags that take a second word). */
export interface ParsedFlags<F extends FlagSpec> {
  ok: true;
  flags: FlagValues<F>;
  positionals: string[];
  /** Index in `args` of each positional, in order. */
  positionalAt: number[];
  /** Index in `args` of the last word each given flag took (its value, or the flag itself). */
  flagEnd: Partial<Record<keyof F, number>>;
}

/** A command line refused (exit 2, with `text` on the terminal) or a request for help (exit 0). */
export interface RefusedFlags {
  ok: false;
  code: 0 | 2;
  text: string;
}

/**
 * Parse `args` strictly (node:util parseArgs): `--zone=3` and `--zone 3` both work; an unknown
 * flag (`--zone3`), a missing or empty value, a flag given twice, and too few or too many
 * positionals are refused with one line naming the fault, then `usage`. `--help` / `-h` gives
 * the usage with exit 0.
 */
export function parseFlags<const F extends FlagSpec>(
  args: readonly string[],
  spec: F,
  positionals: { min: number; max: number },
  usage: string,
): ParsedFlags<F> | RefusedFlags {
  const refuse = (why: string): RefusedFlags => ({ ok: false, code: 2, text: `${why}\n${usage}` });
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, type] of Object.entries(spec)) options[name] = { type };
  let parsed: ReturnType<typeof parseWithTokens>;
  try {
    parsed = parseWithTokens([...args], options);
  } catch (e) {
    return refuse(describe(e, Object.keys(spec)));
  }
  if (parsed.values.help) return { ok: false, code: 0, text: usage };
  const seen = new Set<string>();
  const flagEnd: Record<string, number> = {};
  for (const t of parsed.tokens) {
    if (t.kind !== 'option') continue;
    if (seen.has(t.name)) return refuse(`--${t.name} given twice`);
    seen.add(t.name);
    flagEnd[t.name] = t.value !== undefined && !t.inlineValue ? t.index + 1 : t.index;
    if (spec[t.name] === 'string' && (t.value ?? '').trim() === '') return refuse(`--${t.name} needs a value`);
  }
  const at = parsed.tokens.filter((t) => t.kind === 'positional').map((t) => t.index);
  if (parsed.positionals.length > positionals.max) {
    return refuse(`unexpected argument "${parsed.positionals[positionals.max]}"`);
  }
  if (parsed.positionals.length < positionals.min) return refuse('missing argument');
  const flags: Record<string, unknown> = {};
  for (const [name, type] of Object.entries(spec)) flags[name] = parsed.values[name] ?? (type === 'boolean' ? false : undefined);
  return { ok: true, flags: flags as FlagValues<F>, positionals: parsed.positionals, positionalAt: at, flagEnd: flagEnd as ParsedFlags<F>['flagEnd'] };
}

function parseWithTokens(args: string[], options: Record<string, { type: 'string' | 'boolean'; short?: string }>) {
  return parseArgs({ args, options, strict: true, allowPositionals: true, tokens: true });
}

/** parseArgs' own message is a paragraph; the operator gets one line naming the flag. */
function describe(e: unknown, known: string[]): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: string }).code;
  const flag = /'(-{1,2}[^' <]+)/.exec(message)?.[1] ?? '?';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    // `--zone3`: the value glued to the name.
    const near = known.find((k) => flag.startsWith(`--${k}`) && flag.length > k.length + 2);
    return near ? `unknown option ${flag} (did you mean --${near} ${flag.slice(near.length + 2)}?)` : `unknown option ${flag}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/does not take an argument/.test(message)) return `${flag} takes no value`;
    return /ambiguous/.test(message) ? `${flag} needs a value (one starting with - is written ${flag}=-…)` : `${flag} needs a value`;
  }
  return message.split('\n')[0];
}
