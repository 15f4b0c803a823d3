-- CreateTable
CREATE TABLE "Scenario" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "setting" TEXT NOT NULL,
    "distractorSimilarity" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "dir" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "entityCount" INTEGER NOT NULL,
    "indexedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ScenarioRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scenarioId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "annotatorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScenarioRevision_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScenarioRevision_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "Annotator" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "solverKind" TEXT NOT NULL,
    "solverName" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "configHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" DATETIME,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Episode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "runId" TEXT NOT NULL,
    "scenarioId" TEXT NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "scenarioHash" TEXT NOT NULL,
    "imageHashes" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "agentKind" TEXT NOT NULL,
    "agentName" TEXT NOT NULL,
    "annotatorId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "endReason" TEXT,
    "error" TEXT,
    "startedAt" DATETIME,
    "finishedAt" DATETIME,
    CONSTRAINT "Episode_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Episode_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Episode_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "Annotator" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Step" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "turn" INTEGER NOT NULL,
    "tool" TEXT NOT NULL,
    "args" TEXT NOT NULL,
    "raw" TEXT,
    "valid" BOOLEAN NOT NULL,
    "error" TEXT,
    "observation" TEXT,
    "assistantText" TEXT,
    "usage" TEXT,
    "latencyMs" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Step_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Score" (
    "episodeId" TEXT NOT NULL PRIMARY KEY,
    "scenarioVersion" INTEGER NOT NULL,
    "metrics" TEXT NOT NULL,
    "goldCorrect" BOOLEAN NOT NULL,
    "entityCorrect" BOOLEAN NOT NULL,
    "scoredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Score_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Annotator" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Review" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "episodeId" TEXT NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "claimIndex" INTEGER NOT NULL,
    "verdict" TEXT NOT NULL,
    "note" TEXT,
    "annotatorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Review_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Review_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "Annotator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PairVerdict" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "leftEpisodeId" TEXT NOT NULL,
    "rightEpisodeId" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "annotatorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PairVerdict_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "Annotator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ScenarioFlag" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scenarioId" TEXT NOT NULL,
    "scenarioVersion" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "status" TEXT NOT NULL DEFAULT 'open',
    "annotatorId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ScenarioFlag_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScenarioFlag_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "Annotator" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Export" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "outDir" TEXT,
    "counts" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "ExportRun" (
    "exportId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,

    PRIMARY KEY ("exportId", "runId"),
    CONSTRAINT "ExportRun_exportId_fkey" FOREIGN KEY ("exportId") REFERENCES "Export" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExportRun_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ScenarioRevision_scenarioId_version_contentHash_key" ON "ScenarioRevision"("scenarioId", "version", "contentHash");

-- CreateIndex
CREATE INDEX "Run_configHash_idx" ON "Run"("configHash");

-- CreateIndex
CREATE INDEX "Episode_scenarioId_idx" ON "Episode"("scenarioId");

-- CreateIndex
CREATE UNIQUE INDEX "Episode_runId_scenarioId_seed_key" ON "Episode"("runId", "scenarioId", "seed");

-- CreateIndex
CREATE UNIQUE INDEX "Step_episodeId_index_key" ON "Step"("episodeId", "index");

-- CreateIndex
CREATE UNIQUE INDEX "Annotator_name_key" ON "Annotator"("name");

-- CreateIndex
CREATE INDEX "PairVerdict_leftEpisodeId_rightEpisodeId_idx" ON "PairVerdict"("leftEpisodeId", "rightEpisodeId");
