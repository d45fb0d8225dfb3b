// A survey's public link (/s/<code>) and its QR code, rendered on the server as inline SVG so trainees at
// an offline session scan it from the screen or a printout (no script needed). The address is PUBLIC_URL
// where set, otherwise that of the request, as in the certificate PDF's QR code.
import "server-only";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { env } from "@/lib/env";

/** The site's address as trainees reach it. */
export async function publicBaseUrl(): Promise<string> {
  if (env.PUBLIC_URL) return env.PUBLIC_URL.replace(/\/+$/, "");
  const h = await headers();
  const host = h.get("x-forwarded-host")?.split(",")[0]?.trim() || h.get("host") || `localhost:${env.PORT}`;
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
  return `${proto}://${host}`;
}

export async function surveyUrl(code: string): Promise<string> {
  return `${await publicBaseUrl()}/s/${code}`;
}

export async function QrLink({ code, size = "md" }: { code: string; size?: "sm" | "md" }) {
  const t = await getTranslations("surveyAdmin");
  const url = await surveyUrl(code);
  // Error correction M: still scans from a creased printout; margin 1 keeps it compact on a phone screen.
  const svg = await QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  const box = size === "sm" ? "h-28 w-28" : "h-48 w-48 sm:h-56 sm:w-56";
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start" data-testid="survey-qr">
      <div role="img" aria-label={t("qrAlt", { code })} className={`${box} shrink-0 rounded border border-slate-200 bg-white p-1 [&>svg]:h-full [&>svg]:w-full`} dangerouslySetInnerHTML={{ __html: svg }} />
      <div className="min-w-0 flex-1 space-y-2 text-sm">
        <p className="text-xs text-slate-600">{t("qrHint")}</p>
        <a href={url} className="block break-all font-mono text-brand-700 underline" data-testid="survey-link">
          {url}
        </a>
        <p className="text-xs text-slate-500">{t("code", { code })}</p>
        <a href={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`} download={`survey-${code}.svg`} className="inline-block rounded bg-slate-100 px-2 py-1 text-xs text-slate-700">
          {t("downloadQr")}
        </a>
      </div>
    </div>
  );
}
