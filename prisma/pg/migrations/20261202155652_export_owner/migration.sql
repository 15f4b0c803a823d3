-- AlterTable
ALTER TABLE "Export" ADD COLUMN     "host" TEXT,
ADD COLUMN     "pid" INTEGER,
ADD COLUMN     "tempDir" TEXT;
