-- CreateEnum
CREATE TYPE "SurveyTarget" AS ENUM ('COURSE', 'PROJECT', 'SESSION');

-- CreateTable
CREATE TABLE "AnnualProject" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "regionCode" TEXT NOT NULL,
    "providerId" TEXT,
    "satisfactionTarget" DOUBLE PRECISION NOT NULL DEFAULT 85,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "archivedAt" TIMESTAMP(3),

    CONSTRAINT "AnnualProject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingSession" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" TIMESTAMP(3) NOT NULL,
    "location" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "regionCode" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyTemplate" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "items" JSONB NOT NULL,
    "ownerId" TEXT,
    "sourcePath" TEXT,
    "contentHash" TEXT,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Survey" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "intro" TEXT NOT NULL DEFAULT '',
    "templateId" TEXT NOT NULL,
    "items" JSONB NOT NULL,
    "target" "SurveyTarget" NOT NULL,
    "courseId" TEXT,
    "projectId" TEXT,
    "sessionId" TEXT,
    "regionCode" TEXT NOT NULL,
    "enterpriseId" TEXT,
    "providerId" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "requiredForCertificate" BOOLEAN NOT NULL DEFAULT false,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Survey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveyResponse" (
    "id" TEXT NOT NULL,
    "surveyId" TEXT NOT NULL,
    "respondentKey" TEXT NOT NULL,
    "userId" TEXT,
    "enterpriseId" TEXT,
    "regionCode" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "valid" BOOLEAN NOT NULL,
    "score" DOUBLE PRECISION,
    "overallLevel" TEXT,
    "submittedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SurveyResponse_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnualProject_regionCode_year_idx" ON "AnnualProject"("regionCode", "year");

-- CreateIndex
CREATE INDEX "AnnualProject_providerId_idx" ON "AnnualProject"("providerId");

-- CreateIndex
CREATE INDEX "TrainingSession_projectId_idx" ON "TrainingSession"("projectId");

-- CreateIndex
CREATE INDEX "SurveyTemplate_ownerId_idx" ON "SurveyTemplate"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "Survey_code_key" ON "Survey"("code");

-- CreateIndex
CREATE INDEX "Survey_courseId_idx" ON "Survey"("courseId");

-- CreateIndex
CREATE INDEX "Survey_projectId_idx" ON "Survey"("projectId");

-- CreateIndex
CREATE INDEX "Survey_regionCode_idx" ON "Survey"("regionCode");

-- CreateIndex
CREATE INDEX "SurveyResponse_regionCode_submittedAt_idx" ON "SurveyResponse"("regionCode", "submittedAt");

-- CreateIndex
CREATE INDEX "SurveyResponse_userId_idx" ON "SurveyResponse"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "SurveyResponse_surveyId_respondentKey_key" ON "SurveyResponse"("surveyId", "respondentKey");

-- AddForeignKey
ALTER TABLE "TrainingSession" ADD CONSTRAINT "TrainingSession_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "AnnualProject"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "SurveyTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "AnnualProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Survey" ADD CONSTRAINT "Survey_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "TrainingSession"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveyResponse" ADD CONSTRAINT "SurveyResponse_surveyId_fkey" FOREIGN KEY ("surveyId") REFERENCES "Survey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

