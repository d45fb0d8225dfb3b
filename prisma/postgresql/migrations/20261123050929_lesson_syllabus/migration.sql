-- AlterTable
ALTER TABLE "Lesson" ADD COLUMN     "positions" JSONB NOT NULL DEFAULT '[]';

