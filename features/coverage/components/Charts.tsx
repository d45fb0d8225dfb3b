// Coverage charts, drawn on the server (components/Charts.tsx). Each has a text alternative: the same
// figures are in the tables beside it.
import { BarChart, LineChart } from "@/components/Charts";

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function TrendChart({ points, labels }: { points: { month: string; share: number | null; target: number | null }[]; labels: { coverage: string; target: string; summary: string } }) {
  return (
    <LineChart
      labels={points.map((p) => p.month)}
      series={[
        { name: labels.coverage, values: points.map((p) => pct(p.share)), color: "#1d4ed8" },
        { name: labels.target, values: points.map((p) => pct(p.target)), color: "#dc2626", dashed: true, stepped: true, points: false },
      ]}
      min={0}
      max={100}
      unit="%"
      summary={labels.summary}
    />
  );
}

export function ShareBars({ bars, target, labels }: { bars: { name: string; share: number | null }[]; target: number | null; labels: { coverage: string; summary: string } }) {
  return (
    <BarChart
      bars={bars.map((b) => ({ name: b.name, value: pct(b.share) ?? 0, color: target !== null && (b.share ?? 0) < target ? "#f59e0b" : "#16a34a" }))}
      min={0}
      max={100}
      unit="%"
      summary={`${labels.summary} (${labels.coverage})`}
    />
  );
}
