-- AlterTable
ALTER TABLE "Course" ADD COLUMN "certificate" JSONB;
ALTER TABLE "Course" ADD COLUMN "exam" JSONB;

-- CreateTable
CREATE TABLE "ExamAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "cycle" INTEGER NOT NULL DEFAULT 0,
    "number" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'IN_PROGRESS',
    "startedAt" DATETIME NOT NULL,
    "deadline" DATETIME NOT NULL,
    "paper" JSONB NOT NULL,
    "maxScore" REAL NOT NULL,
    "passMark" REAL NOT NULL,
    "submittedAt" DATETIME,
    "submittedBy" TEXT,
    "score" REAL,
    "passed" BOOLEAN,
    CONSTRAINT "ExamAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExamAttempt_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamAnswer" (
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "chosen" JSONB NOT NULL,
    "savedAt" DATETIME NOT NULL,
    "correct" BOOLEAN,

    PRIMARY KEY ("attemptId", "questionId"),
    CONSTRAINT "ExamAnswer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamFocusEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExamFocusEvent_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionUse" (
    "questionId" TEXT NOT NULL PRIMARY KEY,
    "drawn" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "courseId" TEXT NOT NULL,
    "attemptId" TEXT,
    "cycle" INTEGER NOT NULL DEFAULT 0,
    "holderName" TEXT NOT NULL,
    "courseTitle" TEXT NOT NULL,
    "classHours" REAL NOT NULL,
    "score" REAL,
    "issuer" TEXT NOT NULL,
    "issuedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "revokedReason" TEXT,
    "revokedById" TEXT,
    CONSTRAINT "Certificate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Certificate_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Certificate_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ExamAttempt_courseId_status_idx" ON "ExamAttempt"("courseId", "status");

-- CreateIndex
CREATE INDEX "ExamAttempt_status_deadline_idx" ON "ExamAttempt"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "ExamAttempt_userId_courseId_cycle_number_key" ON "ExamAttempt"("userId", "courseId", "cycle", "number");

-- CreateIndex
CREATE INDEX "ExamFocusEvent_attemptId_idx" ON "ExamFocusEvent"("attemptId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_code_key" ON "Certificate"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_attemptId_key" ON "Certificate"("attemptId");

-- CreateIndex
CREATE INDEX "Certificate_courseId_idx" ON "Certificate"("courseId");

-- CreateIndex
CREATE UNIQUE INDEX "Certificate_userId_courseId_cycle_key" ON "Certificate"("userId", "courseId", "cycle");

