-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "hazards" JSONB NOT NULL DEFAULT '[]';

