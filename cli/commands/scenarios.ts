/** `mmcb scenarios validate|list`. */
import type { Command } from "commander";
import { formatIssue } from "@/core/errors";
import { defaultScenariosDir } from "@/lib/config";
import { loadScenarioStore } from "@/lib/scenarios/load";
import { scenarioSummary } from "@/lib/scenarios/summary";

export function registerScenarioCommands(program: Command): void {
  const scenarios = program.command("scenarios").description("validate and list scenario folders (SPEC §2)");

  scenarios
    .command("validate")
    .description("check every scenario under DIR; exit 1 with one line per problem")
    .argument("[dir]", "a scenario folder or a folder of scenario folders", defaultScenariosDir())
    .option("--json", "print a JSON report instead of text")
    .action(async (dir: string, opts: { json?: boolean }) => {
      const result = await loadScenarioStore(dir);
      const ok = result.issues.length === 0 && result.checked > 0;
      if (opts.json) {
        console.log(
          JSON.stringify(
            { ok, checked: result.checked, valid: result.scenarios.length, issues: result.issues },
            null,
            2,
          ),
        );
      } else {
        for (const issue of result.issues) console.log(formatIssue(issue));
        if (result.checked === 0 && result.issues.length === 0) console.log(`${dir}: no scenario.json found`);
        const invalid = result.checked - result.scenarios.length;
        console.error(
          `${result.checked} scenario${result.checked === 1 ? "" : "s"} checked: ${result.scenarios.length} valid, ${invalid} invalid, ${result.issues.length} problem${result.issues.length === 1 ? "" : "s"}`,
        );
      }
      process.exitCode = ok ? 0 : 1;
    });

  scenarios
    .command("list")
    .description("list valid scenarios (invalid ones are reported on stderr and skipped)")
    .argument("[dir]", "a folder of scenario folders", defaultScenariosDir())
    .option("--json", "print JSON")
    .action(async (dir: string, opts: { json?: boolean }) => {
      const result = await loadScenarioStore(dir);
      for (const issue of result.issues) console.error(formatIssue(issue));
      const rows = result.scenarios.map(scenarioSummary);
      if (opts.json) {
        console.log(JSON.stringify(rows, null, 2));
        return;
      }
      if (rows.length === 0) {
        console.log("no valid scenarios");
        return;
      }
      const header = ["id", "v", "setting", "tier", "entities", "title"];
      const table = rows.map((r) => [
        r.id,
        String(r.version),
        r.setting,
        r.distractorSimilarity,
        String(r.entityCount),
        r.title,
      ]);
      const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
      const line = (cells: string[]) =>
        cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join("  ");
      console.log(line(header));
      for (const row of table) console.log(line(row));
    });
}
