"use client";

// Mux Player, loaded on lesson pages only and after the page shell (its chunk is about 310 KB gzipped,
// 1.1 MB of script to evaluate). On a phone, evaluating it while the page starts up blocks the main thread
// for about half a second and makes the video, not the lesson text, the page's largest paint
// (docs/performance.md, Mobile). So a page opened cold shows the player's frame with a play button and
// loads the player on the learner's first touch, key or scroll, on a tap on that button (then it plays),
// or a few seconds after the page is ready, whichever comes first. A learner who got here by tapping a
// link in the app (the page has had user activation) gets the player at once, as before.
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, type ComponentProps } from "react";

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

const LoadedPlayer = dynamic(() => (withoutCastScript(), import("@mux/mux-player-react")), {
  ssr: false,
  loading: () => <PlayerFrame loading />,
});

/** Without a touch, key or scroll, the player still loads this long after the page is ready. */
const LOAD_ANYWAY_MS = 5000;
const INTENT_EVENTS = ["pointerdown", "touchstart", "keydown", "scroll"] as const;

export function MuxPlayer(props: ComponentProps<typeof LoadedPlayer>) {
  const [load, setLoad] = useState(false);
  const [playOnLoad, setPlayOnLoad] = useState(false);
  const playButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Browsers without the User Activation API: load at once, as before.
    if (!navigator.userActivation || navigator.userActivation.hasBeenActive) {
      setLoad(true);
      return;
    }
    const go = (event: Event) => {
      // A touch or key on the play button comes before its click: that is a request to play.
      if (event.target instanceof Node && playButton.current?.contains(event.target)) setPlayOnLoad(true);
      setLoad(true);
    };
    for (const e of INTENT_EVENTS) window.addEventListener(e, go, { once: true, passive: true });
    const timer = window.setTimeout(() => setLoad(true), LOAD_ANYWAY_MS);
    return () => {
      for (const e of INTENT_EVENTS) window.removeEventListener(e, go);
      window.clearTimeout(timer);
    };
  }, []);
  if (!load) {
    return (
      <PlayerFrame
        buttonRef={playButton}
        onPlay={() => {
          setPlayOnLoad(true);
          setLoad(true);
        }}
      />
    );
  }
  return <LoadedPlayer {...props} autoPlay={playOnLoad ? true : props.autoPlay} />;
}

/** The player's 16:9 frame before the player is there: a play button, or a loading note. */
function PlayerFrame({ loading, onPlay, buttonRef }: { loading?: boolean; onPlay?: () => void; buttonRef?: React.Ref<HTMLButtonElement> }) {
  const t = useTranslations("learn.lesson");
  return (
    <div className="flex aspect-video w-full items-center justify-center rounded-lg bg-slate-900 text-sm text-slate-300" data-testid="player-frame">
      {loading || !onPlay ? (
        t("loadingPlayer")
      ) : (
        <button ref={buttonRef} type="button" onClick={onPlay} aria-label={t("playVideo")} className="flex size-16 items-center justify-center rounded-full bg-white/90 text-slate-900 shadow hover:bg-white" data-testid="player-play">
          <svg viewBox="0 0 24 24" aria-hidden="true" className="ml-1 size-8 fill-current">
            <path d="M8 5v14l11-7z" />
          </svg>
        </button>
      )}
    </div>
  );
}
