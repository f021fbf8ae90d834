import type { EChartsOption } from 'echarts';
import { CJK_FONT_FAMILY, ChartUnavailableError, cjkFontFile } from './cjk-font.js';

/** A chart's size in CSS pixels; the PNG is drawn at `scale` times that (sharp on phones). */
export interface ChartSize {
  width: number;
  height: number;
  scale?: number;
}

/** Draws a chart to PNG bytes (renderPng; tests pass their own or none). */
export type ChartRenderer = (option: EChartsOption, size: ChartSize) => Promise<Uint8Array>;

let loaded: Promise<typeof import('echarts/core')> | null = null;

/**
 * ECharts with only what linli draws (bars, lines, titles, the SVG renderer): a fraction of the
 * full build to load. Loaded on the first chart, so processes that never draw one do not pay.
 */
function loadEcharts(): Promise<typeof import('echarts/core')> {
  loaded ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([import('echarts/core'), import('echarts/charts'), import('echarts/components'), import('echarts/renderers')]);
    core.use([charts.BarChart, charts.LineChart, components.GridComponent, components.TitleComponent, renderers.SVGRenderer]);
    return core;
  })();
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

/**
 * Draw an ECharts option to a PNG on the server, with no browser: ECharts' server-side SVG
 * renderer, then resvg with the packaged CJK font (no system fonts: the result is the same on
 * every machine). Throws ChartUnavailableError when it cannot; callers go on without the chart.
 */
export async function renderPng(option: EChartsOption, size: ChartSize): Promise<Uint8Array> {
  try {
    const echarts = await loadEcharts();
    const { Resvg } = await import('@resvg/resvg-js');
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
    let svg: string;
    try {
      chart.setOption({ animation: false, textStyle: { fontFamily: CJK_FONT_FAMILY }, ...option });
      svg = chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
    const resvg = new Resvg(svg, {
      font: { fontFiles: [cjkFontFile()], loadSystemFonts: false, defaultFontFamily: CJK_FONT_FAMILY },
      fitTo: { mode: 'width', value: Math.round(size.width * (size.scale ?? 1)) },
      background: '#ffffff',
    });
    return new Uint8Array(resvg.render().asPng());
  } catch (e) {
    if (e instanceof ChartUnavailableError) throw e;
    throw new ChartUnavailableError(`could not draw the chart: ${(e as Error).message}`, { cause: e });
  }
}
