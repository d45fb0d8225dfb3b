import { getFormatter, getTranslations } from "next-intl/server";

export type HazardHeader = {
  status: "OPEN" | "RECTIFYING" | "RECTIFIED";
  level: "GENERAL" | "MAJOR";
  category: string;
  location: string;
  rectifiedOn: Date | null;
  deadline: Date | null;
};

/** A hazard's status and level badges, category and location: one line of a hazard list. */
export async function HazardBadges({ hazard }: { hazard: HazardHeader }) {
  const t = await getTranslations("enterprise.hazards");
  return (
    <div className="flex flex-wrap items-center gap-1 text-xs">
      <span
        className={`rounded px-1.5 py-0.5 ${hazard.status === "RECTIFIED" ? "bg-green-100 text-green-800" : hazard.status === "RECTIFYING" ? "bg-amber-100 text-amber-900" : "bg-red-100 text-red-800"}`}
      >
        {t(`status.${hazard.status}`)}
      </span>
      {hazard.level === "MAJOR" ? <span className="rounded bg-red-600 px-1.5 py-0.5 text-white">{t("level.MAJOR")}</span> : null}
      <span className="text-slate-500">
        {t(`category.${hazard.category}` as "category.MACHINERY")} · {hazard.location}
      </span>
    </div>
  );
}

/** When the hazard was rectified, or by when it must be. */
export async function HazardDate({ hazard }: { hazard: HazardHeader }) {
  const [t, format] = await Promise.all([getTranslations("enterprise.hazards"), getFormatter()]);
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeZone: "Asia/Shanghai" });
  const text = hazard.rectifiedOn ? t("rectifiedOn", { date: date(hazard.rectifiedOn) }) : hazard.deadline ? t("deadline", { date: date(hazard.deadline) }) : null;
  return text ? <p className="mt-0.5 text-xs text-slate-500">{text}</p> : null;
}
