/**
 * Contact sheets of a scenario folder: every scene thumbnail with its id, setting and tier, for a quick
 * visual check of the whole set. Writes `<out>-1.png`, `<out>-2.png`, … (24 scenarios a page).
 *
 *   npx tsx scripts/contact-sheet.ts [--scenarios scenarios] [--out docs/contact-sheet]
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatIssue } from "@/core/errors";
import { contactSheet } from "@/lib/images/contact-sheet";
import { displayPath, loadScenarioStore, resolveInside } from "@/lib/scenarios/load";

const PER_PAGE = 24;
const COLUMNS = 4;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scenarios: { type: "string", default: "scenarios" },
      out: { type: "string", default: path.join("docs", "contact-sheet") },
    },
    strict: true,
  });
  const store = await loadScenarioStore(path.resolve(values.scenarios));
  for (const issue of store.issues) console.error(formatIssue(issue));
  if (store.scenarios.length === 0) throw new Error(`no valid scenarios in ${values.scenarios}`);
  const loaded = [...store.scenarios].sort((a, b) => a.scenario.id.localeCompare(b.scenario.id));
  const tiles = await Promise.all(
    loaded.map(async ({ scenario, dir }) => ({
      image: await readFile(resolveInside(dir, scenario.scene.image)),
      title: scenario.id,
      subtitle: `${scenario.setting} · ${scenario.distractorSimilarity} · ${scenario.entities.length} entities`,
    })),
  );
  await mkdir(path.dirname(values.out), { recursive: true });
  for (let i = 0; i < tiles.length; i += PER_PAGE) {
    const file = `${values.out}-${i / PER_PAGE + 1}.png`;
    await writeFile(file, await contactSheet(tiles.slice(i, i + PER_PAGE), COLUMNS));
    console.log(`${displayPath(file)}  (${Math.min(PER_PAGE, tiles.length - i)} scenarios)`);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
