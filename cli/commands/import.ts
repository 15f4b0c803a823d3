/** `mmcb import creativitybench FILE [--out DIR] [--force] [--json]`. */
import type { Command } from "commander";
import { importCreativityBenchFile, type SkippedTask } from "@/lib/import/creativitybench";

function skippedLine(s: SkippedTask): string {
  const id = s.taskId === null ? "no task_id" : `task_id "${s.taskId}"`;
  return `skipped tasks[${s.index}] (${id}): ${s.reason}`;
}

export function registerImportCommand(program: Command): void {
  const imports = program.command("import").description("turn other benchmarks' tasks into scenario folders");

  imports
    .command("creativitybench")
    .description(
      "import CreativityBench tasks (a JSON array of tasks, or one task) as scenarios with text-card images, " +
        "for the text observation mode; each written folder is validated",
    )
    .argument("<file>", "CreativityBench task JSON file")
    .option("--out <dir>", "folder to write scenario folders into (default: <data folder>/imported, read by the app)")
    .option("--force", "replace existing folders even when they are not imported scenarios")
    .option("--json", "print the import report as JSON")
    .action(async (file: string, opts: { out?: string; force?: boolean; json?: boolean }) => {
      const report = await importCreativityBenchFile(file, { out: opts.out, force: opts.force });
      if (opts.json) {
        console.log(JSON.stringify(report, null, 2));
      } else {
        for (const item of report.imported) {
          console.log(`${item.dir}  ← task ${item.taskId}`);
          for (const note of item.notes) console.log(`  note: ${note}`);
        }
        for (const s of report.skipped) console.error(skippedLine(s));
        console.log(`${report.imported.length} imported to ${report.out}, ${report.skipped.length} skipped`);
      }
      if (report.imported.length === 0) {
        if (!opts.json) console.error(`mmcb: nothing imported from ${report.file}`);
        process.exitCode = 1;
      }
    });
}
