-- CreateTable
CREATE TABLE "SchoolClass" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SchoolClass_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RosterImport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "schoolId" TEXT,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PREVIEW',
    "rows" JSONB NOT NULL,
    "problems" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" DATETIME
);

-- CreateTable
CREATE TABLE "AnnexFigure" (
    "regionCode" TEXT NOT NULL,
    "industryCode" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "insuredEnterprises" INTEGER,
    "employees" INTEGER,
    "insuredEmployees" INTEGER,
    "accidents" INTEGER,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("regionCode", "industryCode", "year")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "mobile" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "regionCode" TEXT,
    "enterpriseId" TEXT,
    "schoolId" TEXT,
    "positionCode" TEXT,
    "classId" TEXT,
    "hiredOn" DATETIME,
    "leftOn" DATETIME,
    "idNumberHash" TEXT,
    "idNumberMasked" TEXT,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "passwordChangedAt" DATETIME,
    "disabledAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "User_regionCode_fkey" FOREIGN KEY ("regionCode") REFERENCES "Region" ("code") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_enterpriseId_fkey" FOREIGN KEY ("enterpriseId") REFERENCES "Enterprise" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_classId_fkey" FOREIGN KEY ("classId") REFERENCES "SchoolClass" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_positionCode_fkey" FOREIGN KEY ("positionCode") REFERENCES "PositionCategory" ("code") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("createdAt", "disabledAt", "enterpriseId", "id", "mobile", "mustChangePassword", "name", "passwordChangedAt", "passwordHash", "positionCode", "regionCode", "role", "schoolId", "sessionVersion", "updatedAt") SELECT "createdAt", "disabledAt", "enterpriseId", "id", "mobile", "mustChangePassword", "name", "passwordChangedAt", "passwordHash", "positionCode", "regionCode", "role", "schoolId", "sessionVersion", "updatedAt" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_mobile_key" ON "User"("mobile");
CREATE UNIQUE INDEX "User_idNumberHash_key" ON "User"("idNumberHash");
CREATE INDEX "User_enterpriseId_role_idx" ON "User"("enterpriseId", "role");
CREATE INDEX "User_schoolId_idx" ON "User"("schoolId");
CREATE INDEX "User_classId_idx" ON "User"("classId");
CREATE INDEX "User_regionCode_idx" ON "User"("regionCode");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "SchoolClass_schoolId_name_key" ON "SchoolClass"("schoolId", "name");

-- CreateIndex
CREATE INDEX "RosterImport_createdById_createdAt_idx" ON "RosterImport"("createdById", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_regionCode_idx" ON "ApiKey"("regionCode");

