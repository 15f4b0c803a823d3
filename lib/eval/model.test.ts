// The openai solver through runModelEval against the in-repo mock, names vs marks (SPEC §3 entityLabels).
import path from "node:path";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SYSTEM_PROMPT } from "@/core/engine";
import { closeDb, getDb } from "@/lib/db/client";
import { episodeTrace, getRun, runEpisodes } from "@/lib/db/runs";
import { startMockServer, type MockServer } from "@/lib/model/mock-server";
import { loadScenarioDir, type LoadedScenario } from "@/lib/scenarios/load";
import { tempDir } from "../../test/fixture";
import { runModelEval } from "./model";

const SCENARIOS = path.resolve(__dirname, "..", "..", "scenarios");
const IDS = ["bathroom-door-lock", "workshop-clamp-pads"];
let work: string;
let mock: MockServer;
let scenarios: LoadedScenario[];
const previousDataDir = process.env.MMCB_DATA_DIR;

beforeAll(async () => {
  work = tempDir("mmcb-marks-");
  process.env.MMCB_DATA_DIR = work;
  scenarios = [];
  for (const id of IDS) {
    const { scenario } = await loadScenarioDir(path.join(SCENARIOS, id));
    if (!scenario) throw new Error(`bundled scenario ${id} does not load`);
    scenarios.push(scenario);
  }
  mock = await startMockServer({ scenarios: scenarios.map((s) => s.scenario) });
});
afterAll(async () => {
  await mock?.close();
  await closeDb();
  if (previousDataDir === undefined) delete process.env.MMCB_DATA_DIR;
  else process.env.MMCB_DATA_DIR = previousDataDir;
  rmSync(work, { recursive: true, force: true });
});

const run = (runId: string, entityLabels: "names" | "marks") =>
  runModelEval({
    settings: {
      baseUrl: mock.url,
      model: "mock-oracle",
      apiKeyEnv: "MMCB_MARKS_TEST_KEY",
      temperature: null,
      topP: null,
      seed: null,
      maxTokens: null,
      timeoutMs: 10_000,
      systemPrompt: DEFAULT_SYSTEM_PROMPT,
      imageHistory: "last",
      reasoningHistory: "keep",
      maxImageSide: 256,
    },
    scenarios,
    seeds: [1, 2],
    maxTurns: 15,
    observation: "image",
    entityLabels,
    concurrency: 4,
    useCache: false,
    runId,
  });

describe("entityLabels against the mock", () => {
  it("mock-oracle still solves every episode in marks mode; the mode is in the run configuration and its hash; no entity name in what the solver read", async () => {
    const marks = await run("marks", "marks");
    const names = await run("names", "names");
    expect(marks.document.episodes).toHaveLength(IDS.length * 2);
    expect(marks.document.aggregate.metrics.gold_correct.mean).toBe(1);
    expect(names.document.aggregate.metrics.gold_correct.mean).toBe(1);
    const db = getDb();
    const marksRun = await getRun(db, "marks");
    const namesRun = await getRun(db, "names");
    expect(marksRun?.config.engine.entityLabels).toBe("marks");
    expect(namesRun?.config.engine.entityLabels).toBe("names");
    expect(marksRun?.configHash).not.toBe(namesRun?.configHash);

    // names that cannot appear by way of an id (ids are slugs such as "coin"; names such as "steel hook")
    const names_ = scenarios.flatMap((l) =>
      l.scenario.entities
        .map((e) => e.name)
        .filter((n) => n.includes(" ") && !l.scenario.entities.some((e) => e.id.includes(n))),
    );
    expect(names_.length).toBeGreaterThan(3);
    let inspected = 0;
    for (const e of await runEpisodes(db, "marks")) {
      const trace = await episodeTrace(db, e.id);
      for (const step of trace!.steps) {
        const text = step.observation?.text ?? "";
        if (step.call.tool === "inspect_entity" && step.valid) {
          inspected++;
          expect(text).toMatch(/\(entity \[\d+\]\)/);
        }
        for (const name of names_) expect(text).not.toContain(name);
      }
    }
    expect(inspected).toBeGreaterThan(0);
  }, 120_000);
});
