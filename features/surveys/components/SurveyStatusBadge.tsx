// Not yet open / open / closed, as a small coloured label.
export function StatusBadge({ status, label }: { status: "notYetOpen" | "open" | "closed"; label: string }) {
  const tone = status === "open" ? "bg-green-100 text-green-800" : status === "closed" ? "bg-slate-200 text-slate-700" : "bg-amber-100 text-amber-800";
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs ${tone}`} data-testid="survey-status" data-status={status}>
      {label}
    </span>
  );
}
