// A modal sheet: rises from the bottom on a phone, centred on a desktop. Rendered only while open.
import { useId, type ReactNode } from "react";

export function Dialog({ title, children, wide = false }: { title: ReactNode; children: ReactNode; wide?: boolean }) {
  const id = useId();
  return (
    <div role="dialog" aria-modal="true" aria-labelledby={id} className="fixed inset-0 z-30 flex items-end justify-center bg-black/40 p-4 sm:items-center">
      <div className={`w-full ${wide ? "max-w-md" : "max-w-sm"} rounded-lg bg-white p-5 shadow-lg`}>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
