-- CreateEnum
CREATE TYPE "RosterImportKind" AS ENUM ('STAFF', 'STUDENTS');

-- CreateEnum
CREATE TYPE "RosterImportStatus" AS ENUM ('PREVIEW', 'COMMITTING', 'COMMITTED', 'DISCARDED', 'FAILED');

-- DropIndex
DROP INDEX "User_enterpriseId_idx";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "classId" TEXT,
ADD COLUMN     "hiredOn" TIMESTAMP(3),
ADD COLUMN     "idNumberHash" TEXT,
ADD COLUMN     "idNumberMasked" TEXT,
ADD COLUMN     "leftOn" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SchoolClass" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SchoolClass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RosterImport" (
    "id" TEXT NOT NULL,
    "kind" "RosterImportKind" NOT NULL,
    "enterpriseId" TEXT,
    "schoolId" TEXT,
    "createdById" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "status" "RosterImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "rows" JSONB NOT NULL,
    "problems" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "committedAt" TIMESTAMP(3),

    CONSTRAINT "RosterImport_pkey" PRIMARY KEY ("id")
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
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnexFigure_pkey" PRIMARY KEY ("regionCode","industryCode","year")
);

-- CreateTable
CREATE TABLE "ApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SchoolClass_schoolId_name_key" ON "SchoolClass"("schoolId", "name");

-- CreateIndex
CREATE INDEX "RosterImport_createdById_createdAt_idx" ON "RosterImport"("createdById", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_hash_key" ON "ApiKey"("hash");

-- CreateIndex
CREATE INDEX "ApiKey_regionCode_idx" ON "ApiKey"("regionCode");

-- CreateIndex
CREATE UNIQUE INDEX "User_idNumberHash_key" ON "User"("idNumberHash");

-- CreateIndex
CREATE INDEX "User_enterpriseId_role_idx" ON "User"("enterpriseId", "role");

-- CreateIndex
CREATE INDEX "User_classId_idx" ON "User"("classId");

-- AddForeignKey
ALTER TABLE "SchoolClass" ADD CONSTRAINT "SchoolClass_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_classId_fkey" FOREIGN KEY ("classId") REFERENCES "SchoolClass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

