import type { ErrorCode, RecognisedIntent } from '../commands/parsed-command.js';
import { ZH_HANS, type Catalog, type CatalogKey } from './catalogs.js';

/** Catalogue keys whose message takes no parameters. */
export type PlainKey = { [K in CatalogKey]: Parameters<Catalog[K]> extends [] ? K : never }[CatalogKey];

/**
 * The catalogue key of the hint for a command with bad arguments: the command's own example
 * (收费 alone shows a 收费 example, not a bind one) where there is one, else the error's.
 */
export function usageHint(intent: RecognisedIntent, error: ErrorCode): PlainKey {
  const own = `${intent}_${error}`;
  return (own in ZH_HANS ? own : error) as PlainKey;
}
