// Charts for the dashboards, drawn on the server by Apache ECharts into SVG: the phone receives a picture
// and no chart code (Chart.js in the browser was about 73 KB gzipped and most of a second of layout on a
// cheap phone, and the dashboards' first screen holds a chart). Each chart carries a text summary for
// screen readers; the figures are also in the tables beside it.
import "server-only";
import { BarChart as EBar, LineChart as ELine } from "echarts/charts";
import { GridComponent, LegendComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([ELine, EBar, GridComponent, LegendComponent, SVGRenderer]);

/** Drawn at a phone's width; the SVG scales to its box (viewBox), so text stays readable on a phone. */
const WIDTH = 400;
const FONT = { fontFamily: "system-ui, 'PingFang SC', 'Noto Sans CJK SC', sans-serif", fontSize: 11, color: "#475569" };

function svgOf(option: echarts.EChartsCoreOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: FONT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function Figure({ svg, summary, testId }: { svg: string; summary: string; testId?: string }) {
  return (
    <div
      role="img"
      aria-label={summary}
      data-testid={testId}
      className="w-full [&>svg]:h-auto [&>svg]:w-full"
      // The SVG comes from ECharts, drawn from our own figures and labels (it escapes text).
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

export type LineSeries = { name: string; values: (number | null)[]; color: string; dashed?: boolean; stepped?: boolean; points?: boolean };

/** A line chart over labelled points (months), with a fixed value axis. */
export function LineChart({ labels, series, min, max, unit = "", summary, height = 220 }: { labels: string[]; series: LineSeries[]; min: number; max: number; unit?: string; summary: string; height?: number }) {
  const svg = svgOf(
    {
      grid: { left: 40, right: 28, top: 12, bottom: 56 },
      legend: { bottom: 0, textStyle: FONT, itemWidth: 18, itemHeight: 8 },
      xAxis: { type: "category", data: labels, boundaryGap: false, axisLabel: { ...FONT, hideOverlap: true } },
      yAxis: { type: "value", min, max, axisLabel: { ...FONT, formatter: `{value}${unit}` } },
      series: series.map((s) => ({
        type: "line",
        name: s.name,
        data: s.values,
        connectNulls: true,
        step: s.stepped ? "end" : undefined,
        showSymbol: s.points !== false,
        symbolSize: 4,
        lineStyle: { color: s.color, width: 2, type: s.dashed ? "dashed" : "solid" },
        itemStyle: { color: s.color },
      })),
    },
    height,
  );
  return <Figure svg={svg} summary={summary} />;
}

/** Horizontal bars, one per category, each with its own colour, on a fixed value axis. */
export function BarChart({ bars, min, max, unit = "", summary }: { bars: { name: string; value: number; color: string }[]; min: number; max: number; unit?: string; summary: string }) {
  const height = Math.max(120, bars.length * 28 + 40);
  const svg = svgOf(
    {
      grid: { left: 8, right: 40, top: 8, bottom: 24 },
      xAxis: { type: "value", min, max, axisLabel: { ...FONT, formatter: `{value}${unit}` } },
      yAxis: { type: "category", inverse: true, data: bars.map((b) => (b.name.length > 14 ? `${b.name.slice(0, 13)}…` : b.name)), axisLabel: FONT },
      series: [
        {
          type: "bar",
          data: bars.map((b) => ({ value: b.value, itemStyle: { color: b.color } })),
          barMaxWidth: 18,
          label: { show: true, position: "right", ...FONT, formatter: `{c}${unit}` },
        },
      ],
    },
    height,
  );
  return <Figure svg={svg} summary={summary} />;
}
