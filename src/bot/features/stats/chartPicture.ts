import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import { CHART_FONT, type ChartSpec } from "./chartSpecs.js";

// The Persian font ships inside the `vazirmatn` npm package (OFL): no system font is needed or used,
// so a picture looks the same on every server.
const fontDirectory = join(dirname(createRequire(import.meta.url).resolve("vazirmatn/package.json")), "fonts", "ttf");
const FONT_FILES = [join(fontDirectory, "Vazirmatn-Regular.ttf"), join(fontDirectory, "Vazirmatn-Bold.ttf")];

/** ECharts draws the chart as SVG on the server (no browser, no canvas); resvg turns it into a PNG. */
export function chartToSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function chartToPng(spec: ChartSpec): Buffer {
  const resvg = new Resvg(chartToSvg(spec), {
    background: "#ffffff",
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: CHART_FONT },
  });
  return resvg.render().asPng();
}
