-- AlterTable
ALTER TABLE "ScenarioFlag" ADD COLUMN "episodeId" TEXT;
ALTER TABLE "ScenarioFlag" ADD COLUMN "resolution" TEXT;
ALTER TABLE "ScenarioFlag" ADD COLUMN "resolvedAt" DATETIME;
ALTER TABLE "ScenarioFlag" ADD COLUMN "resolvedBy" TEXT;

-- CreateTable
CREATE TABLE "ScoreHistory" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" TEXT NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "metrics" TEXT NOT NULL,
    "goldCorrect" BOOLEAN NOT NULL,
    "scoredAt" DATETIME NOT NULL,
    "replacedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "rescoreId" TEXT NOT NULL,
    "newScenarioVersion" INTEGER NOT NULL,
    "annotatorId" TEXT,
    CONSTRAINT "ScoreHistory_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ScoreHistory_episodeId_idx" ON "ScoreHistory"("episodeId");

-- CreateIndex
CREATE INDEX "ScoreHistory_rescoreId_idx" ON "ScoreHistory"("rescoreId");
