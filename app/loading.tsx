export default function Loading() {
  return (
    <div className="mx-auto max-w-5xl animate-pulse px-4 py-6" aria-busy="true">
      <div className="mb-4 h-6 w-40 rounded bg-slate-200" />
      <div className="mb-3 h-24 rounded bg-slate-200" />
      <div className="h-24 rounded bg-slate-200" />
    </div>
  );
}
