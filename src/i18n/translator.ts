import * as OpenCC from 'opencc-js';
import type { Locale } from '../commands/locale.js';
import { EN, ZH_HANS, type Catalog, type CatalogKey } from './catalogs.js';

// Traditional text is converted from the simplified catalogue by OpenCC (Taiwan standard with
// phrases), so the two never drift apart.
const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' });

type Params<K extends CatalogKey> = Parameters<Catalog[K]>;

/** Renders catalogue messages in one locale. */
export interface Translator {
  locale: Locale;
  t<K extends CatalogKey>(key: K, ...params: Params<K>): string;
}

/** A translator for `locale`. */
export function translator(locale: Locale): Translator {
  return {
    locale,
    t(key, ...params) {
      if (locale === 'en') return (EN[key] as (...a: unknown[]) => string)(...params);
      const s = (ZH_HANS[key] as (...a: unknown[]) => string)(...params);
      return locale === 'zh-Hant' ? toHant(s) : s;
    },
  };
}
