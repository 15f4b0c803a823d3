-- AlterTable
ALTER TABLE "Run" ADD COLUMN     "benchmarkSet" TEXT;
