import { getTranslations } from "next-intl/server";
import { Card } from "@/components/AppShell";
import { HazardBadges, HazardDate, type HazardHeader } from "@/features/enterprises/components/HazardLine";

/** A 两降两增 module's hazards from the learner's own enterprise report, with their current status. */
export async function LessonHazards({ hazards }: { hazards: (HazardHeader & { id: string })[] }) {
  if (hazards.length === 0) return null;
  const t = await getTranslations("learn.lesson");
  return (
    <Card title={t("hazardsTitle")} testId="lesson-hazards">
      <p className="text-xs text-slate-600">{t("hazardsIntro")}</p>
      <ol className="mt-2 divide-y divide-slate-100 text-sm">
        {hazards.map((h) => (
          <li key={h.id} className="py-2">
            <HazardBadges hazard={h} />
            <HazardDate hazard={h} />
          </li>
        ))}
      </ol>
    </Card>
  );
}
