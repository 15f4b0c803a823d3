/**
 * `mmcb import creativitybench` on long descriptions (issue 13: it was quadratic in description length —
 * 100 k characters took 55 s, 2 MB did not finish in 120 s). Runs the real CLI in a child process on one task
 * whose gold part's description is padded to 100 k and 2 MB characters of ordinary prose, and prints the
 * wall time of the whole command (start-up, parsing, cards, writing, validating) and of `mmcb --version`
 * (start-up alone). `MMCB_BENCH_ONLY=import npm run bench` runs only this.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { syntheticCreativityBenchTask } from "@/test/creativitybench-fixture";

const BIN = path.resolve(__dirname, "..", "..", "cli", "mmcb.js");

function timedMmcb(args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: "utf8" });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`mmcb ${args.join(" ")} failed: ${result.stderr}`);
  return ms;
}

export async function importBench(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "mmcb-bench-import-"));
  const env = { ...process.env, MMCB_DATA_DIR: path.join(dir, "data") };
  try {
    const startup = timedMmcb(["--version"], env);
    console.log(`import: mmcb start-up alone ${(startup / 1000).toFixed(2)} s`);
    for (const size of [100_000, 2_000_000]) {
      const sentence = "A thin, rigid stainless steel blade with a rounded tip, smooth and polished. ";
      const task = syntheticCreativityBenchTask();
      const entities = task.entities as { description: string }[];
      entities[0]!.description =
        "handle: physical — A light wooden handle.; state — Visible. blade [gold part]: physical — " +
        `${sentence.repeat(Math.ceil(size / sentence.length))}; state — Visible; dry.`;
      const file = path.join(dir, `tasks-${size}.json`);
      writeFileSync(file, JSON.stringify([task]));
      const ms = timedMmcb(["import", "creativitybench", file, "--out", path.join(dir, `out-${size}`)], env);
      console.log(
        `import: a ${entities[0]!.description.length.toLocaleString("en")}-character description, whole command ${(ms / 1000).toFixed(2)} s`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
