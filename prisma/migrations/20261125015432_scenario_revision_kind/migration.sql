-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ScenarioRevision" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "scenarioId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "contentHash" TEXT NOT NULL,
    "document" TEXT NOT NULL,
    "annotatorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL DEFAULT 'saved',
    "baseVersion" INTEGER,
    CONSTRAINT "ScenarioRevision_scenarioId_fkey" FOREIGN KEY ("scenarioId") REFERENCES "Scenario" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ScenarioRevision_annotatorId_fkey" FOREIGN KEY ("annotatorId") REFERENCES "Annotator" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ScenarioRevision" ("annotatorId", "contentHash", "createdAt", "document", "id", "scenarioId", "version") SELECT "annotatorId", "contentHash", "createdAt", "document", "id", "scenarioId", "version" FROM "ScenarioRevision";
DROP TABLE "ScenarioRevision";
ALTER TABLE "new_ScenarioRevision" RENAME TO "ScenarioRevision";
CREATE UNIQUE INDEX "ScenarioRevision_scenarioId_version_contentHash_key" ON "ScenarioRevision"("scenarioId", "version", "contentHash");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
