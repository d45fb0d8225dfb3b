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
    "computedAt" DATETIME,
    "computedMonth" TEXT NOT NULL DEFAULT '',
    "validFrom" DATETIME,
    "validUntil" DATETIME,
    "fingerprint" TEXT NOT NULL DEFAULT '',
    "stale" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("periodId", "enterpriseId"),
    CONSTRAINT "CoverageRollup_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CoverageRollup_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "PlanPeriod" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

    PRIMARY KEY ("periodId", "enterpriseId", "kind", "key"),
    CONSTRAINT "CoverageRollupPart_periodId_enterpriseId_fkey" FOREIGN KEY ("periodId", "enterpriseId") REFERENCES "CoverageRollup" ("periodId", "enterpriseId") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CoverageRollup_periodId_regionCode_idx" ON "CoverageRollup"("periodId", "regionCode");

-- CreateIndex
CREATE INDEX "CoverageRollup_enterpriseId_idx" ON "CoverageRollup"("enterpriseId");

-- CreateIndex
CREATE INDEX "CoverageRollupPart_periodId_kind_regionCode_key_total_trained_idx" ON "CoverageRollupPart"("periodId", "kind", "regionCode", "key", "total", "trained");


-- Staleness (features/coverage/rollup.ts): every write to a fact a CoverageRollup row rests on marks that
-- enterprise's rows stale and bumps their version, whoever writes (the app, importers, seeds, the demo
-- city, tests writing rows directly). A recomputation writes only when the version is the one it read
-- before loading the facts, so a write landing during it leaves the row stale. The period's key
-- positions and industries and the courses' assignment rules are compared by fingerprint at read instead
-- (the content sync rewrites them on every run).
CREATE TRIGGER "CoverageRollup_stale_user_insert" AFTER INSERT ON "User"
WHEN NEW."enterpriseId" IS NOT NULL
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1 WHERE "enterpriseId" = NEW."enterpriseId";
END;

CREATE TRIGGER "CoverageRollup_stale_user_delete" AFTER DELETE ON "User"
WHEN OLD."enterpriseId" IS NOT NULL
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1 WHERE "enterpriseId" = OLD."enterpriseId";
END;

CREATE TRIGGER "CoverageRollup_stale_user_update" AFTER UPDATE OF "enterpriseId", "positionCode", "role", "hiredOn", "leftOn", "createdAt" ON "User"
WHEN (OLD."enterpriseId" IS NOT NULL OR NEW."enterpriseId" IS NOT NULL)
  AND (OLD."enterpriseId" IS NOT NEW."enterpriseId" OR OLD."positionCode" IS NOT NEW."positionCode" OR OLD."role" IS NOT NEW."role"
    OR OLD."hiredOn" IS NOT NEW."hiredOn" OR OLD."leftOn" IS NOT NEW."leftOn" OR OLD."createdAt" IS NOT NEW."createdAt")
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1 WHERE "enterpriseId" IN (OLD."enterpriseId", NEW."enterpriseId");
END;

CREATE TRIGGER "CoverageRollup_stale_completion_insert" AFTER INSERT ON "CourseCompletion"
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1
  WHERE "enterpriseId" = (SELECT "enterpriseId" FROM "User" WHERE "id" = NEW."userId");
END;

CREATE TRIGGER "CoverageRollup_stale_completion_delete" AFTER DELETE ON "CourseCompletion"
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1
  WHERE "enterpriseId" = (SELECT "enterpriseId" FROM "User" WHERE "id" = OLD."userId");
END;

CREATE TRIGGER "CoverageRollup_stale_completion_update" AFTER UPDATE OF "userId", "courseId", "completedAt" ON "CourseCompletion"
WHEN OLD."userId" IS NOT NEW."userId" OR OLD."courseId" IS NOT NEW."courseId" OR OLD."completedAt" IS NOT NEW."completedAt"
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1
  WHERE "enterpriseId" IN (SELECT "enterpriseId" FROM "User" WHERE "id" IN (OLD."userId", NEW."userId"));
END;

CREATE TRIGGER "CoverageRollup_stale_enterprise_update" AFTER UPDATE OF "name", "regionCode", "industryCode", "creditCode" ON "Enterprise"
WHEN OLD."name" IS NOT NEW."name" OR OLD."regionCode" IS NOT NEW."regionCode" OR OLD."industryCode" IS NOT NEW."industryCode" OR OLD."creditCode" IS NOT NEW."creditCode"
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1 WHERE "enterpriseId" IN (OLD."id", NEW."id");
END;

CREATE TRIGGER "CoverageRollup_stale_key_insert" AFTER INSERT ON "KeyEnterprise"
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1 WHERE "enterpriseId" = NEW."enterpriseId" AND "periodId" = NEW."periodId";
END;

CREATE TRIGGER "CoverageRollup_stale_key_delete" AFTER DELETE ON "KeyEnterprise"
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1 WHERE "enterpriseId" = OLD."enterpriseId" AND "periodId" = OLD."periodId";
END;

CREATE TRIGGER "CoverageRollup_stale_key_update" AFTER UPDATE OF "enterpriseId", "periodId" ON "KeyEnterprise"
BEGIN
  UPDATE "CoverageRollup" SET "stale" = 1, "version" = "version" + 1
  WHERE ("enterpriseId" = OLD."enterpriseId" AND "periodId" = OLD."periodId") OR ("enterpriseId" = NEW."enterpriseId" AND "periodId" = NEW."periodId");
END;
