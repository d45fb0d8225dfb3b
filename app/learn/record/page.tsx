import { getTranslations } from "next-intl/server";
import { AppShell } from "@/components/AppShell";
import { RecordView } from "@/features/records/components/RecordView";
import { learnerRecord } from "@/features/records/data";
import { requirePage } from "@/lib/authz";
import { pageData } from "@/lib/page";

export default async function MyRecordPage() {
  const user = await requirePage("learning.own");
  const [t, record] = await Promise.all([getTranslations("record"), pageData(learnerRecord(user, user.id))]);
  return (
    <AppShell user={user} title={t("title")}>
      <RecordView record={record} exportBase="/api/records/me" />
    </AppShell>
  );
}
