-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Lesson" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "courseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "videoSrc" TEXT,
    "videoPlaybackId" TEXT,
    "durationSeconds" INTEGER,
    "minReadingSeconds" INTEGER,
    "checkpoints" JSONB NOT NULL DEFAULT '[]',
    "positions" JSONB NOT NULL DEFAULT '[]',
    "hazards" JSONB NOT NULL DEFAULT '[]',
    "sourcePath" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "archivedAt" DATETIME,
    CONSTRAINT "Lesson_courseId_fkey" FOREIGN KEY ("courseId") REFERENCES "Course" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Lesson" ("archivedAt", "body", "checkpoints", "contentHash", "courseId", "durationSeconds", "id", "kind", "minReadingSeconds", "position", "positions", "sourcePath", "title", "videoPlaybackId", "videoSrc") SELECT "archivedAt", "body", "checkpoints", "contentHash", "courseId", "durationSeconds", "id", "kind", "minReadingSeconds", "position", "positions", "sourcePath", "title", "videoPlaybackId", "videoSrc" FROM "Lesson";
DROP TABLE "Lesson";
ALTER TABLE "new_Lesson" RENAME TO "Lesson";
CREATE INDEX "Lesson_courseId_position_idx" ON "Lesson"("courseId", "position");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

