import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The family name inside the font file (Noto Sans CJK SC, as packaged by @embedpdf/fonts-sc). */
export const CJK_FONT_FAMILY = 'Noto Sans Hans';

/** A chart cannot be drawn: the font or the renderer is missing or failed. */
export class ChartUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ChartUnavailableError';
  }
}

/**
 * The CJK font file charts are drawn with: Noto Sans Hans Regular (GB2312 coverage, SIL OFL 1.1)
 * from the @embedpdf/fonts-sc npm package; without it Chinese labels would be boxes.
 */
export function cjkFontFile(): string {
  try {
    // The package exports only its index (dist/); the fonts sit beside dist/.
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-Regular.otf');
    if (!existsSync(file)) throw new Error(`${file} is missing`);
    return file;
  } catch (e) {
    throw new ChartUnavailableError(`no CJK font for charts (npm package @embedpdf/fonts-sc): ${(e as Error).message}`, { cause: e });
  }
}
