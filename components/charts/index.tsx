"use client";
// Charts (Chart.js on canvas) for the dashboards, loaded when they are needed: Chart.js is about 73 KB
// gzipped and its first layout takes a cheap phone most of a second, while every chart's figures are also
// in a table beside it. So a chart's code is fetched only once its box comes near the screen; until
// then the box keeps its height (nothing on the page moves) and says the chart is loading.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";

function Pending() {
  return <div className="h-full w-full animate-pulse rounded bg-slate-100" aria-hidden="true" />;
}

const LazyLine = dynamic(() => import("./chartjs").then((m) => m.Line), { ssr: false, loading: Pending });
const LazyBar = dynamic(() => import("./chartjs").then((m) => m.Bar), { ssr: false, loading: Pending });

/** Renders `children` once the box is within a screen's height of the viewport. */
function WhenNear({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: "0px 0px 50% 0px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={box} className="h-full w-full">
      {near ? children : <Pending />}
    </div>
  );
}

export function Line(props: ComponentProps<typeof LazyLine>) {
  return (
    <WhenNear>
      <LazyLine {...props} />
    </WhenNear>
  );
}

export function Bar(props: ComponentProps<typeof LazyBar>) {
  return (
    <WhenNear>
      <LazyBar {...props} />
    </WhenNear>
  );
}
