/**
 * Renders scenarios from 3D (issue 14): one command, incremental (content-addressed view cache in
 * `.render-cache/`: an unchanged view is not rendered again), with a progress bar. Usage:
 *   npx tsx scripts/render-scenarios.ts [--only <id>]… [--out scenarios] [--cache .render-cache]
 *       the bundled scenarios, from their specs (`scenario-src/scenarios/*.ts`) and the object knowledge base
 *   npx tsx scripts/render-scenarios.ts --sample <n> --seed <s> [--out data/sampled]
 *                                       [--tier dissimilar|mixed|similar] [--setting <setting>]
 *       n new scenarios sampled from the knowledge base and the task templates (`scenario-src/needs.ts`); the
 *       same seed gives the same specs
 * Writes <out>/<id>/ (scenario.json, render.json, scene.webp, entities/*.webp, parts/*.webp), replacing only a
 * folder a machine made.
 */
import { Presets, SingleBar } from "cli-progress";
import path from "node:path";
import { parseArgs } from "node:util";
import { writeScenarioFolder } from "@/lib/scenarios/write-folder";
import { startRenderer } from "@/render3d/node/renderer";
import { ViewCache, renderScenario } from "@/render3d/node/scenario";
import { selectSpecs, type Selection } from "@/scenario-src/select";

function fail(msg: string): never {
  process.stderr.write(`render-scenarios: ${msg}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let flags;
  let selection: Selection;
  try {
    flags = parseArgs({
      options: {
        only: { type: "string", multiple: true },
        out: { type: "string" },
        cache: { type: "string", default: ".render-cache" },
        sample: { type: "string" },
        seed: { type: "string" },
        tier: { type: "string" },
        setting: { type: "string" },
      },
      strict: true,
    }).values;
    selection = selectSpecs(flags);
  } catch (e) {
    // node's own messages for unknown or dangling options run on over several lines; the first says it
    fail((e as Error).message.split("\n")[0]!);
  }
  const { specs, out } = selection;
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
        await writeScenarioFolder(path.resolve(out), spec.id, r.files);
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
    `${specs.length - failures.length}/${specs.length} ${selection.sampled ? "sampled " : ""}scenarios into ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
      `views rendered ${cache.misses}, from cache ${cache.hits}; mean per scene ${mean(all.scene)}, ` +
      `entity view ${mean(all.entity)}, part view ${mean(all.part)}`,
  );
  for (const f of failures) console.error(f);
  if (failures.length) process.exit(1);
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
