/**
 * Renders bundled scenarios from 3D (issue 14): one command, incremental (content-addressed view cache in
 * `.render-cache/`: an unchanged view is not rendered again), with a progress bar. Usage:
 *   npx tsx scripts/render-scenarios.ts [--only <id>]… [--out scenarios] [--cache .render-cache]
 * Writes scenarios/<id>/ (scenario.json, render.json, scene.webp, entities/*.webp, parts/*.webp).
 */
import { Presets, SingleBar } from "cli-progress";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startRenderer } from "@/render3d/node/renderer";
import { ViewCache, renderScenario } from "@/render3d/node/scenario";
import { SCENARIO_SPECS } from "@/scenario-src/scenarios";

function fail(msg: string): never {
  process.stderr.write(`render-scenarios: ${msg}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let flags;
  try {
    flags = parseArgs({
      options: {
        only: { type: "string", multiple: true },
        out: { type: "string", default: "scenarios" },
        cache: { type: "string", default: ".render-cache" },
      },
    }).values;
  } catch (e) {
    fail((e as Error).message);
  }
  const only = flags.only ?? [];
  const specs = only.length ? SCENARIO_SPECS.filter((s) => only.includes(s.id)) : SCENARIO_SPECS;
  for (const id of only) if (!SCENARIO_SPECS.some((s) => s.id === id)) fail(`--only: no bundled scenario "${id}"`);
  const renderer = await startRenderer();
  const cache = new ViewCache(path.resolve(flags.cache!), renderer);
  const bar = new SingleBar(
    {
      format: "render {bar} {value}/{total} scenarios | {id}",
      hideCursor: true,
      // a log file or CI gets a progress line every 10 s instead of nothing
      noTTYOutput: true,
      notTTYSchedule: 10_000,
    },
    Presets.shades_classic,
  );
  const t0 = Date.now();
  const all = { scene: [] as number[], entity: [] as number[], part: [] as number[] };
  const failures: string[] = [];
  bar.start(specs.length, 0, { id: "" });
  try {
    for (const spec of specs) {
      bar.update({ id: spec.id });
      try {
        const r = await renderScenario(spec, cache);
        const dir = path.resolve(flags.out!, spec.id);
        rmSync(dir, { recursive: true, force: true });
        for (const [file, bytes] of r.files) {
          mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
          writeFileSync(path.join(dir, file), bytes);
        }
        for (const k of ["scene", "entity", "part"] as const) all[k].push(...r.timings[k]);
      } catch (e) {
        failures.push((e as Error).message);
      }
      bar.increment();
    }
  } finally {
    bar.stop();
    await renderer.close();
  }
  const mean = (xs: number[]) =>
    xs.length ? `${(xs.reduce((a, b) => a + b, 0) / xs.length / 1000).toFixed(2)} s` : "-";
  console.log(
    `${specs.length - failures.length}/${specs.length} scenarios in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
      `views rendered ${cache.misses}, from cache ${cache.hits}; mean per scene ${mean(all.scene)}, ` +
      `entity view ${mean(all.entity)}, part view ${mean(all.part)}`,
  );
  for (const f of failures) console.error(f);
  if (failures.length) process.exit(1);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
