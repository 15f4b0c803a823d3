-- AlterTable
ALTER TABLE "Run" ADD COLUMN "launch" TEXT;
