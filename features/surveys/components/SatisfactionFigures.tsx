// The satisfaction dashboard's charts, drawn on the server (components/Charts.tsx): the monthly trend
// against the target line and the item averages. The same figures are in the tables beside them, and
// each chart has a text alternative.
import { BarChart, LineChart } from "@/components/Charts";

// The 100-point scale: 20 (very dissatisfied) is the lowest a questionnaire can score.
export function SatisfactionTrend({
  points,
  target,
  labels,
}: {
  points: { month: string; average: number | null; respondents: number }[];
  target: number;
  labels: { average: string; target: string; summary: string };
}) {
  return (
    <LineChart
      labels={points.map((p) => p.month)}
      series={[
        { name: labels.average, values: points.map((p) => p.average), color: "#1d4ed8" },
        { name: labels.target, values: points.map(() => target), color: "#dc2626", dashed: true, points: false },
      ]}
      min={0}
      max={100}
      summary={labels.summary}
    />
  );
}

export function ItemBars({ bars, target, labels }: { bars: { name: string; average: number }[]; target: number; labels: { average: string; summary: string } }) {
  if (bars.length === 0) return null;
  return (
    <div className="mb-3">
      <BarChart
        bars={bars.map((b) => ({ name: b.name, value: b.average, color: b.average < target ? "#dc2626" : "#16a34a" }))}
        min={0}
        max={100}
        summary={`${labels.summary} (${labels.average})`}
      />
    </div>
  );
}
