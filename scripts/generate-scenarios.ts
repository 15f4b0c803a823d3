/**
 * Generates the bundled scenarios from their declarative specs (`scenario-src/scenarios/*.ts`) and the
 * object knowledge base (`scenario-src/objects.ts`). Reproducible: re-running gives the same bytes.
 *
 *   npx tsx scripts/generate-scenarios.ts [--out scenarios] [--only <id>]…
 */
import { parseArgs } from "node:util";
import { buildScenario } from "@/lib/artwork/build";
import { writeScenarioFolder } from "@/lib/artwork/write";
import { objectById } from "@/scenario-src/objects";
import { SCENARIO_SPECS } from "@/scenario-src/scenarios";

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: "string", default: "scenarios" }, only: { type: "string", multiple: true } },
    strict: true,
  });
  const only = values.only ?? [];
  const unknown = only.filter((id) => !SCENARIO_SPECS.some((s) => s.id === id));
  if (unknown.length > 0) throw new Error(`no scenario spec with id ${unknown.map((id) => `"${id}"`).join(", ")}`);
  const specs = only.length > 0 ? SCENARIO_SPECS.filter((s) => only.includes(s.id)) : SCENARIO_SPECS;
  for (const spec of specs) {
    const built = await buildScenario(spec, objectById);
    const dir = await writeScenarioFolder(values.out, built);
    console.log(`${dir}  (${built.files.size} files)`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
