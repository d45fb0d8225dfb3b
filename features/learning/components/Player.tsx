"use client";

// Mux Player, loaded on lesson pages only and after the page shell (its chunk is large).
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";

/**
 * The player loads Google's Chromecast script from the internet unless that script is already on the
 * page; many of our users' networks cannot reach it (and it tells Google who watches). A script tag of a
 * type the browser never runs, with that address, makes the player skip it: no request is made.
 */
function withoutCastScript() {
  const src = "https://www.gstatic.com/cv/js/sender/v1/cast_sender.js?loadCastFramework=1";
  if (!document.querySelector(`script[src="${src}"]`)) {
    const tag = document.createElement("script");
    tag.type = "text/plain";
    tag.src = src;
    document.head.append(tag);
  }
}

export const MuxPlayer = dynamic(() => (withoutCastScript(), import("@mux/mux-player-react")), {
  ssr: false,
  loading: () => <PlayerPlaceholder />,
});

function PlayerPlaceholder() {
  const t = useTranslations("learn.lesson");
  return <div className="flex aspect-video w-full items-center justify-center rounded-lg bg-slate-900 text-sm text-slate-300">{t("loadingPlayer")}</div>;
}

