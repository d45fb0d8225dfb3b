-- CreateTable
CREATE TABLE "CoverageRollup" (
    "periodId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    "creditCode" TEXT NOT NULL DEFAULT '',
    "regionCode" TEXT NOT NULL,
    "industryCode" TEXT NOT NULL,
    "inScope" BOOLEAN NOT NULL DEFAULT false,
    "total" INTEGER NOT NULL DEFAULT 0,
    "trained" INTEGER NOT NULL DEFAULT 0,
    "computedAt" TIMESTAMP(3),
    "computedMonth" TEXT NOT NULL DEFAULT '',
    "validFrom" TIMESTAMP(3),
    "validUntil" TIMESTAMP(3),
    "fingerprint" TEXT NOT NULL DEFAULT '',
    "stale" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "CoverageRollup_pkey" PRIMARY KEY ("periodId","enterpriseId")
);

-- CreateTable
CREATE TABLE "CoverageRollupPart" (
    "periodId" TEXT NOT NULL,
    "enterpriseId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "trained" INTEGER NOT NULL,

    CONSTRAINT "CoverageRollupPart_pkey" PRIMARY KEY ("periodId","enterpriseId","kind","key")
);

-- CreateIndex
CREATE INDEX "CoverageRollup_periodId_regionCode_idx" ON "CoverageRollup"("periodId", "regionCode");

-- CreateIndex
CREATE INDEX "CoverageRollup_enterpriseId_idx" ON "CoverageRollup"("enterpriseId");

-- CreateIndex
CREATE INDEX "CoverageRollupPart_periodId_kind_regionCode_key_total_train_idx" ON "CoverageRollupPart"("periodId", "kind", "regionCode", "key", "total", "trained");

-- AddForeignKey
ALTER TABLE "CoverageRollup" ADD CONSTRAINT "CoverageRollup_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageRollup" ADD CONSTRAINT "CoverageRollup_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "PlanPeriod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoverageRollupPart" ADD CONSTRAINT "CoverageRollupPart_periodId_enterpriseId_fkey" FOREIGN KEY ("periodId", "enterpriseId") REFERENCES "CoverageRollup"("periodId", "enterpriseId") ON DELETE CASCADE ON UPDATE CASCADE;


-- Staleness (features/coverage/rollup.ts): every write to a fact a CoverageRollup row rests on marks that
-- enterprise's rows stale and bumps their version, whoever writes (the app, importers, seeds, the demo
-- city, tests writing rows directly). A recomputation writes only when the version is the one it read
-- before loading the facts, so a write landing during it leaves the row stale. The period's key
-- positions and industries and the courses' assignment rules are compared by fingerprint at read instead
-- (the content sync rewrites them on every run). Statement-level triggers with transition tables: a bulk
-- insert of a million staff marks each enterprise once per statement, not once per row.
-- The function bodies are E'' strings with each semicolon written \073: @prisma/adapter-pg 6.19's
-- executeScript splits a migration at every semicolon, which would cut a dollar-quoted body apart.
CREATE FUNCTION coverage_rollup_user_insert() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "CoverageRollup" SET "stale" = true, "version" = "version" + 1 WHERE "enterpriseId" = ANY(ARRAY(SELECT DISTINCT "enterpriseId" FROM new_rows WHERE "enterpriseId" IS NOT NULL))\073 RETURN NULL\073 END';
CREATE FUNCTION coverage_rollup_user_delete() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "CoverageRollup" SET "stale" = true, "version" = "version" + 1 WHERE "enterpriseId" = ANY(ARRAY(SELECT DISTINCT "enterpriseId" FROM old_rows WHERE "enterpriseId" IS NOT NULL))\073 RETURN NULL\073 END';
CREATE FUNCTION coverage_rollup_user_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "CoverageRollup" SET "stale" = true, "version" = "version" + 1 WHERE "enterpriseId" = ANY(ARRAY(SELECT x FROM old_rows o JOIN new_rows n ON n."id" = o."id", LATERAL (VALUES (o."enterpriseId"), (n."enterpriseId")) v(x) WHERE x IS NOT NULL AND (o."enterpriseId" IS DISTINCT FROM n."enterpriseId" OR o."positionCode" IS DISTINCT FROM n."positionCode" OR o."role" IS DISTINCT FROM n."role" OR o."hiredOn" IS DISTINCT FROM n."hiredOn" OR o."leftOn" IS DISTINCT FROM n."leftOn" OR o."createdAt" IS DISTINCT FROM n."createdAt")))\073 RETURN NULL\073 END';
CREATE FUNCTION coverage_rollup_completion_insert() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "CoverageRollup" SET "stale" = true, "version" = "version" + 1 WHERE "enterpriseId" = ANY(ARRAY(SELECT DISTINCT u."enterpriseId" FROM new_rows c JOIN "User" u ON u."id" = c."userId" WHERE u."enterpriseId" IS NOT NULL))\073 RETURN NULL\073 END';
CREATE FUNCTION coverage_rollup_completion_delete() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "CoverageRollup" SET "stale" = true, "version" = "version" + 1 WHERE "enterpriseId" = ANY(ARRAY(SELECT DISTINCT u."enterpriseId" FROM old_rows c JOIN "User" u ON u."id" = c."userId" WHERE u."enterpriseId" IS NOT NULL))\073 RETURN NULL\073 END';
CREATE FUNCTION coverage_rollup_completion_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "CoverageRollup" SET "stale" = true, "version" = "version" + 1 WHERE "enterpriseId" = ANY(ARRAY(SELECT DISTINCT u."enterpriseId" FROM (SELECT "userId" FROM old_rows UNION SELECT "userId" FROM new_rows) c JOIN "User" u ON u."id" = c."userId" WHERE u."enterpriseId" IS NOT NULL))\073 RETURN NULL\073 END';
CREATE FUNCTION coverage_rollup_enterprise_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN UPDATE "CoverageRollup" SET "stale" = true, "version" = "version" + 1 WHERE "enterpriseId" = ANY(ARRAY(SELECT o."id" FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE o."name" IS DISTINCT FROM n."name" OR o."regionCode" IS DISTINCT FROM n."regionCode" OR o."industryCode" IS DISTINCT FROM n."industryCode" OR o."creditCode" IS DISTINCT FROM n."creditCode"))\073 RETURN NULL\073 END';
CREATE FUNCTION coverage_rollup_key_change() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP <> ''INSERT'' THEN UPDATE "CoverageRollup" SET "stale" = true, "version" = "version" + 1 WHERE "enterpriseId" = OLD."enterpriseId" AND "periodId" = OLD."periodId"\073 END IF\073 IF TG_OP <> ''DELETE'' THEN UPDATE "CoverageRollup" SET "stale" = true, "version" = "version" + 1 WHERE "enterpriseId" = NEW."enterpriseId" AND "periodId" = NEW."periodId"\073 END IF\073 RETURN NULL\073 END';

CREATE TRIGGER "CoverageRollup_stale_user_insert" AFTER INSERT ON "User" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_rollup_user_insert();
CREATE TRIGGER "CoverageRollup_stale_user_delete" AFTER DELETE ON "User" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_rollup_user_delete();
CREATE TRIGGER "CoverageRollup_stale_user_update" AFTER UPDATE ON "User" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_rollup_user_update();
CREATE TRIGGER "CoverageRollup_stale_completion_insert" AFTER INSERT ON "CourseCompletion" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_rollup_completion_insert();
CREATE TRIGGER "CoverageRollup_stale_completion_delete" AFTER DELETE ON "CourseCompletion" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_rollup_completion_delete();
CREATE TRIGGER "CoverageRollup_stale_completion_update" AFTER UPDATE ON "CourseCompletion" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_rollup_completion_update();
CREATE TRIGGER "CoverageRollup_stale_enterprise_update" AFTER UPDATE ON "Enterprise" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION coverage_rollup_enterprise_update();
CREATE TRIGGER "CoverageRollup_stale_key" AFTER INSERT OR UPDATE OR DELETE ON "KeyEnterprise" FOR EACH ROW EXECUTE FUNCTION coverage_rollup_key_change();
