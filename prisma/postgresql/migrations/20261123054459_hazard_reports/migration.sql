-- CreateEnum
CREATE TYPE "HazardLevel" AS ENUM ('GENERAL', 'MAJOR');

-- CreateEnum
CREATE TYPE "HazardStatus" AS ENUM ('OPEN', 'RECTIFYING', 'RECTIFIED');

-- CreateTable
CREATE TABLE "EnterpriseHazard" (
    "id" TEXT NOT NULL,
    "creditCode" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "level" "HazardLevel" NOT NULL,
    "location" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "measure" TEXT NOT NULL DEFAULT '',
    "foundOn" TIMESTAMP(3) NOT NULL,
    "status" "HazardStatus" NOT NULL,
    "rectifiedOn" TIMESTAMP(3),
    "deadline" TIMESTAMP(3),
    "sourcePath" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "EnterpriseHazard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HazardInvestigation" (
    "creditCode" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "startedOn" TIMESTAMP(3) NOT NULL,
    "endedOn" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "sourcePath" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "HazardInvestigation_pkey" PRIMARY KEY ("creditCode")
);

-- CreateIndex
CREATE INDEX "EnterpriseHazard_creditCode_idx" ON "EnterpriseHazard"("creditCode");

