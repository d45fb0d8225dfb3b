-- CreateTable
CREATE TABLE "EnterpriseHazard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "creditCode" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "measure" TEXT NOT NULL DEFAULT '',
    "foundOn" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "rectifiedOn" DATETIME,
    "deadline" DATETIME,
    "sourcePath" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "archivedAt" DATETIME
);

-- CreateTable
CREATE TABLE "HazardInvestigation" (
    "creditCode" TEXT NOT NULL PRIMARY KEY,
    "by" TEXT NOT NULL,
    "startedOn" DATETIME NOT NULL,
    "endedOn" DATETIME NOT NULL,
    "summary" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "archivedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "EnterpriseHazard_creditCode_idx" ON "EnterpriseHazard"("creditCode");

