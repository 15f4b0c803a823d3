/**
 * Generates scenario folders. Reproducible: re-running gives the same bytes.
 *
 *   npx tsx scripts/generate-scenarios.ts [--out scenarios] [--only <id>]…
 *       the bundled scenarios, from their specs (`scenario-src/scenarios/*.ts`) and the object knowledge
 *       base (`scenario-src/objects*.ts`)
 *   npx tsx scripts/generate-scenarios.ts --sample <n> --seed <s> [--out data/sampled]
 *                                         [--tier dissimilar|mixed|similar] [--setting <setting>]
 *       n new scenarios sampled from the knowledge base and the task templates (`scenario-src/needs.ts`);
 *       the same seed gives the same scenarios, byte for byte
 */
import os from "node:os";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DISTRACTOR_TIERS } from "@/core/scenario";
import { buildScenario } from "@/lib/artwork/build";
import { writeScenarioFolder } from "@/lib/artwork/write";
import { FOUND_IN } from "@/scenario-src/found";
import { NEEDS } from "@/scenario-src/needs";
import { allObjects, objectById } from "@/scenario-src/objects";
import { sampleScenarioSpecs } from "@/scenario-src/sample";
import { SCENARIO_SPECS } from "@/scenario-src/scenarios";
import { BACKDROPS, type ScenarioSpec } from "@/scenario-src/spec";

const flagsSchema = z.object({
  out: z.string().optional(),
  only: z.array(z.string()).optional(),
  sample: z.coerce.number().int().min(1).max(10_000).optional(),
  seed: z.coerce.number().int().min(0).max(0xffffffff).optional(),
  tier: z.enum(DISTRACTOR_TIERS).optional(),
  setting: z.enum(BACKDROPS).optional(),
});

function selectSpecs(flags: z.infer<typeof flagsSchema>): { specs: ScenarioSpec[]; out: string } {
  if (flags.sample !== undefined) {
    if (flags.seed === undefined) throw new Error("--sample needs --seed <integer>");
    if (flags.only) throw new Error("--only selects bundled scenarios; it cannot be combined with --sample");
    const specs = sampleScenarioSpecs(allObjects(), NEEDS, FOUND_IN, {
      seed: flags.seed,
      count: flags.sample,
      ...(flags.tier ? { tier: flags.tier } : {}),
      ...(flags.setting ? { setting: flags.setting } : {}),
    });
    return { specs, out: flags.out ?? "data/sampled" };
  }
  if (flags.seed !== undefined || flags.tier || flags.setting)
    throw new Error("--seed, --tier and --setting need --sample");
  const only = flags.only ?? [];
  const unknown = only.filter((id) => !SCENARIO_SPECS.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`no scenario spec with id ${unknown.map((id) => `"${id}"`).join(", ")}`);
  const specs = only.length > 0 ? SCENARIO_SPECS.filter((s) => only.includes(s.id)) : [...SCENARIO_SPECS];
  return { specs, out: flags.out ?? "scenarios" };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      out: { type: "string" },
      only: { type: "string", multiple: true },
      sample: { type: "string" },
      seed: { type: "string" },
      tier: { type: "string" },
      setting: { type: "string" },
    },
    strict: true,
  });
  const parsed = flagsSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`--${issue.path.join(".")}: ${issue.message}`);
  }
  const { specs, out } = selectSpecs(parsed.data);
  const started = Date.now();
  // Build a few at a time: rendering is CPU-bound in libvips's own threads.
  const width = Math.max(1, Math.min(4, os.availableParallelism()));
  for (let i = 0; i < specs.length; i += width) {
    const built = await Promise.all(specs.slice(i, i + width).map((spec) => buildScenario(spec, objectById)));
    for (const b of built) {
      const dir = await writeScenarioFolder(out, b);
      console.log(`${dir}  (${b.files.size} files)`);
    }
  }
  console.log(`${specs.length} scenarios in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
