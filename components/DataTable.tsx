"use client";
// A sortable, filterable table (TanStack Table) for the dashboard's breakdowns and lists. Columns are
// plain data so server components can describe them: text, number, percent (a share 0–1, "—" when null)
// or a link built from a row field. Long lists show a page at a time.

import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type SortingState,
} from "@tanstack/react-table";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useMemo, useState } from "react";

export type Column = {
  key: string;
  header: string;
  kind?: "text" | "number" | "percent";
  /** Render as a link to `${hrefPrefix}${row[hrefKey]}`. */
  hrefPrefix?: string;
  hrefKey?: string;
  /** Highlight a percent below this share (the target). */
  below?: number | null;
  /** Long text (a survey's or project's name): wraps at about 11rem, so the figures stay on a phone's screen. */
  wrap?: boolean;
};

type Row = Record<string, string | number | boolean | null>;

const percent = (v: number | null) => (v === null ? "—" : `${(Math.floor(v * 1000) / 10).toFixed(1)}%`);

export function DataTable({
  columns,
  rows,
  testId,
  initialSort,
  pageSize = 20,
  filterable = true,
  empty,
}: {
  columns: Column[];
  rows: Row[];
  testId?: string;
  initialSort?: { key: string; desc?: boolean };
  pageSize?: number;
  filterable?: boolean;
  empty: string;
}) {
  const t = useTranslations("table");
  const [sorting, setSorting] = useState<SortingState>(initialSort ? [{ id: initialSort.key, desc: initialSort.desc ?? false }] : []);
  const [filter, setFilter] = useState("");
  const defs = useMemo<ColumnDef<Row>[]>(
    () =>
      columns.map((c) => ({
        id: c.key,
        accessorFn: (row: Row) => row[c.key],
        header: c.header,
        // Nulls (no staff: no share) sort last whichever way.
        sortUndefined: "last",
        sortingFn: c.kind === "text" || !c.kind ? "text" : "basic",
        enableGlobalFilter: !c.kind || c.kind === "text",
        cell: (info) => {
          const v = info.getValue() as Row[string];
          if (c.kind === "percent") {
            const share = v as number | null;
            const low = c.below !== undefined && c.below !== null && share !== null && share < c.below;
            return <span className={low ? "font-medium text-red-700" : undefined}>{percent(share)}</span>;
          }
          if (c.hrefPrefix && c.hrefKey) {
            return (
              <Link href={`${c.hrefPrefix}${info.row.original[c.hrefKey]}`} className="text-brand-700 underline">
                {String(v ?? "")}
              </Link>
            );
          }
          return c.kind === "number" ? <span className="tabular-nums">{Number(v ?? 0).toLocaleString("zh-CN")}</span> : String(v ?? "");
        },
      })),
    [columns],
  );
  const table = useReactTable({
    data: rows,
    columns: defs,
    state: { sorting, globalFilter: filter },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
    initialState: { pagination: { pageSize } },
  });
  const shown = table.getRowModel().rows;
  const count = table.getFilteredRowModel().rows.length;
  return (
    <div data-testid={testId}>
      {filterable && rows.length > 5 ? (
        <input
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder={t("filter")}
          aria-label={t("filter")}
          className="mb-2 w-full rounded border border-slate-300 px-2 py-1.5 text-sm"
        />
      ) : null}
      {rows.length === 0 ? (
        <p className="py-4 text-center text-sm text-slate-500">{empty}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-max text-left text-sm">
            <thead className="text-xs text-slate-500">
              {table.getHeaderGroups().map((g) => (
                <tr key={g.id}>
                  {g.headers.map((h) => {
                    const sorted = h.column.getIsSorted();
                    const numeric = columns.find((c) => c.key === h.column.id)?.kind;
                    return (
                      <th key={h.id} className={`py-1 pr-3 ${numeric && numeric !== "text" ? "text-right" : ""}`} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
                        <button type="button" onClick={h.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 hover:text-slate-800">
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          <span aria-hidden="true">{sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}</span>
                        </button>
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} className="border-t border-slate-100" data-testid={testId ? `${testId}-row` : undefined}>
                  {r.getVisibleCells().map((cell) => {
                    const numeric = columns.find((c) => c.key === cell.column.id)?.kind;
                    return (
                      <td key={cell.id} className={`py-1.5 pr-3 ${numeric && numeric !== "text" ? "text-right tabular-nums" : ""}`}>
                        {columns.find((c) => c.key === cell.column.id)?.wrap ? (
                          <div className="max-w-44 whitespace-normal break-words">{flexRender(cell.column.columnDef.cell, cell.getContext())}</div>
                        ) : (
                          flexRender(cell.column.columnDef.cell, cell.getContext())
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {count === 0 && rows.length > 0 ? <p className="py-3 text-center text-sm text-slate-500">{t("noMatch")}</p> : null}
      {table.getPageCount() > 1 ? (
        <nav className="mt-2 flex items-center justify-between text-sm" aria-label={t("pages")}>
          <button type="button" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()} className="rounded px-2 py-1 disabled:opacity-40">
            ← {t("previous")}
          </button>
          <span className="text-xs text-slate-500">{t("page", { page: table.getState().pagination.pageIndex + 1, pages: table.getPageCount(), count })}</span>
          <button type="button" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()} className="rounded px-2 py-1 disabled:opacity-40">
            {t("next")} →
          </button>
        </nav>
      ) : null}
    </div>
  );
}
