"use client";
// Coverage charts (Chart.js, canvas: light on phones). Each has a text alternative: the same figures are
// in the tables beside it.

import { Bar, Line } from "@/components/charts";

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
const axis = { min: 0, max: 100, ticks: { callback: (v: string | number) => `${v}%` } };

export function TrendChart({ points, labels }: { points: { month: string; share: number | null; target: number | null }[]; labels: { coverage: string; target: string; summary: string } }) {
  return (
    <div className="h-56" role="img" aria-label={labels.summary}>
      <Line
        data={{
          labels: points.map((p) => p.month),
          datasets: [
            { label: labels.coverage, data: points.map((p) => pct(p.share)), borderColor: "#1d4ed8", backgroundColor: "#1d4ed8", tension: 0.2, spanGaps: true },
            { label: labels.target, data: points.map((p) => pct(p.target)), borderColor: "#dc2626", borderDash: [6, 4], pointRadius: 0, stepped: true, spanGaps: true },
          ],
        }}
        options={{ maintainAspectRatio: false, animation: false, scales: { y: axis }, plugins: { legend: { position: "bottom" } } }}
      />
    </div>
  );
}

export function ShareBars({ bars, target, labels }: { bars: { name: string; share: number | null }[]; target: number | null; labels: { coverage: string; summary: string } }) {
  return (
    <div style={{ height: Math.max(120, bars.length * 28 + 40) }} role="img" aria-label={labels.summary}>
      <Bar
        data={{
          labels: bars.map((b) => b.name),
          datasets: [
            {
              label: labels.coverage,
              data: bars.map((b) => pct(b.share) ?? 0),
              backgroundColor: bars.map((b) => (target !== null && (b.share ?? 0) < target ? "#f59e0b" : "#16a34a")),
            },
          ],
        }}
        options={{ indexAxis: "y", maintainAspectRatio: false, animation: false, scales: { x: axis }, plugins: { legend: { display: false } } }}
      />
    </div>
  );
}
