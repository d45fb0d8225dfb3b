-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "description" TEXT NOT NULL DEFAULT '';

