// The content security policy of pages (proxy.ts sets it with a fresh nonce per request; Next puts the
// nonce on its own scripts). Pure, so a unit test reads the policy.
//
// Scripts: only ours, by nonce; 'strict-dynamic' lets them load their chunks (the lesson page's player).
// No 'unsafe-inline' for scripts; 'unsafe-eval' only in development (React's dev tools use eval).
// Styles: 'unsafe-inline' is needed, not a nonce: the video player (Mux Player, media-chrome) writes
// <style> into its shadow DOM, and server-rendered markup carries style attributes (progress bars, the
// ECharts SVG), which no nonce can cover. Injected CSS cannot run script.
// Media: our own files (public/media), blob: for streamed video, and CSP_VIDEO_ORIGINS (a CDN, Mux).
// Mux Data (only with MUX_DATA_ENV_KEY) posts to https://<key>.litix.io, or a pixel at img.litix.io.

export type CspOptions = {
  nonce: string;
  development: boolean;
  /** Served over HTTPS: upgrade any http:// subresource (not on a plain-http LAN install). */
  https: boolean;
  /** Extra origins of lesson videos (https://…). */
  videoOrigins: readonly string[];
  /** MUX_DATA_ENV_KEY is set: the player reports to Mux Data. */
  muxData: boolean;
};

/** A nonce: 128 random bits, base64 (what CSP's nonce-source expects). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export function contentSecurityPolicy(o: CspOptions): string {
  const video = o.videoOrigins;
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${o.nonce}'`, "'strict-dynamic'", ...(o.development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", ...video, ...(o.muxData ? ["https://img.litix.io"] : [])],
    ["font-src", "'self'"],
    ["media-src", "'self'", "blob:", ...video],
    ["connect-src", "'self'", ...video, ...(o.muxData ? ["https://*.litix.io"] : [])],
    // hls.js (streamed video) runs its demuxer in a worker made from a blob: URL.
    ["worker-src", "'self'", "blob:"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  if (o.https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}
