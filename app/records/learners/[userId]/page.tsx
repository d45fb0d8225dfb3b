// A staff member's record (一人一档) as their enterprise's admin or a regulator sees it: with focus loss.
import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/AppShell";
import { RecordView } from "@/features/records/components/RecordView";
import { learnerRecord } from "@/features/records/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function LearnerRecordPage({ params }: { params: Promise<{ userId: string }> }) {
  const user = await requirePage("account.self");
  const { userId } = await params;
  const [t, record] = await Promise.all([getTranslations("record"), pageData(learnerRecord(user, userId))]);
  return (
    <AppShell user={user} title={`${t("recordOf", { name: record.person.name })}`}>
      <RecordView record={record} exportBase={`/api/records/${userId}`} />
    </AppShell>
  );
}
