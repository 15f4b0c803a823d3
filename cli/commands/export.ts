/**
 * `mmcb export pairs|sft --run ID … --format … --out DIR`: training data from stored runs (SPEC §7) —
 * preference pairs (guided turn-level, trajectory-level, human) or SFT trajectories, in trl-vision,
 * trl-text-tools or openai-dpo, split by scenario, with images and a dataset card.
 */
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { z } from "zod";
import {
  DEFAULT_MIN_MARGIN,
  DEFAULT_NEGATIVES,
  DEFAULT_SOURCE,
  EXPORT_KINDS,
  EXPORT_SOURCES,
  FORMAT_NAMES,
  NEGATIVE_KINDS,
} from "@/core/export";
import { MmcbError } from "@/core/errors";
import { defaultScenariosDir } from "@/lib/config";
import { closeDb } from "@/lib/db/client";
import { runExport, type ExportCounts, type ExportProgress } from "@/lib/export/run";
import { getDb } from "@/lib/db/client";
import { cleanStaleExports, describeClean } from "@/lib/export/stale";
import { displayPath } from "@/lib/scenarios/load";

const optionsSchema = z.object({
  kind: z.enum(EXPORT_KINDS, { message: `the first argument must be ${EXPORT_KINDS.join(" or ")}` }),
  run: z.array(z.string().min(1)).min(1, { message: "name at least one run with --run ID" }),
  source: z.enum(EXPORT_SOURCES, { message: `--source must be one of ${EXPORT_SOURCES.join(", ")}` }).optional(),
  negatives: z.enum(NEGATIVE_KINDS, { message: `--negatives must be ${NEGATIVE_KINDS.join(" or ")}` }).optional(),
  format: z.enum(FORMAT_NAMES, { message: `--format must be one of ${FORMAT_NAMES.join(", ")}` }).optional(),
  out: z.string().min(1).optional(),
  scenarios: z.string(),
  maxPerScenario: z.coerce.number().int().min(1, { message: "--max-per-scenario must be at least 1" }).optional(),
  testShare: z.coerce
    .number({ message: "--test-share must be a number" })
    .min(0, { message: "--test-share must be at least 0" })
    .max(0.99, { message: "--test-share must be below 1" }),
  seed: z.coerce.number({ message: "--seed must be a number" }).int({ message: "--seed must be an integer" }),
  minMargin: z.coerce.number({ message: "--min-margin must be a number" }).min(0).max(1).optional(),
  limit: z.coerce.number().int().min(1, { message: "--limit must be at least 1" }).optional(),
  force: z.boolean().optional(),
  dryRun: z.boolean().optional(),
  json: z.boolean().optional(),
});

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean),
];

function progressBar(enabled: boolean): { update: (p: ExportProgress) => void; stop: () => void } {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    { format: " {bar} {value}/{total} | {records} records", stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (p) => {
      if (!started) bar.start(Math.max(1, p.total), 0, { records: 0 });
      started = true;
      bar.setTotal(Math.max(1, p.total));
      bar.update(p.done, { records: p.records });
    },
    stop: () => {
      if (started) bar.stop();
      started = false;
    },
  };
}

function summary(counts: ExportCounts): string[] {
  const groups = [...new Set([...Object.keys(counts.bySplit.train), ...Object.keys(counts.bySplit.test)])].sort();
  const lines = groups.map(
    (g) =>
      `  ${g.padEnd(18)} ${String(counts.bySplit.train[g] ?? 0).padStart(7)} train ${String(counts.bySplit.test[g] ?? 0).padStart(7)} test`,
  );
  const skipped = Object.entries(counts.skipped).sort(([a], [b]) => a.localeCompare(b));
  if (skipped.length) lines.push(`  skipped: ${skipped.map(([k, v]) => `${k.replace(/_/g, " ")} ${v}`).join(" · ")}`);
  return lines;
}

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("export training data from stored runs: preference pairs or SFT trajectories (SPEC §7)")
    .argument("<kind>", "pairs | sft")
    .option("--run <id>", "a run to export from (repeat, or separate with commas)", collect)
    .option("--source <source>", "guided | trajectory | human (default guided)")
    .option("--negatives <kind>", `turn-level pairs: normal | hard (default ${DEFAULT_NEGATIVES})`)
    .option("--format <format>", FORMAT_NAMES.join(" | "))
    .option("--out <dir>", "folder to create (must not exist, unless --force)")
    .option("--scenarios <dir>", "scenario folder the runs used", defaultScenariosDir())
    .option("--max-per-scenario <n>", "at most n records per scenario")
    .option("--test-share <share>", "share of scenarios in test.jsonl", "0.2")
    .option("--seed <n>", "seed of the split and of hard-negative choices", "1")
    .option("--min-margin <m>", `trajectory pairs: minimum episode-score margin (default ${DEFAULT_MIN_MARGIN})`)
    .option("--limit <n>", "stop after n records")
    .option("--force", "replace --out if it exists")
    .option("--dry-run", "count what would be exported; write nothing")
    .option("--json", "print the result as JSON")
    .action(async (kind: string, raw: Record<string, unknown>) => {
      const parsed = optionsSchema.safeParse({ ...raw, kind, run: raw.run ?? [] });
      if (!parsed.success)
        throw new MmcbError("input:invalid", [...new Set(parsed.error.issues.map((i) => i.message))].join("; "));
      const opts = parsed.data;
      if (!opts.format) throw new MmcbError("input:invalid", `--format is required: ${FORMAT_NAMES.join(", ")}`);
      if (!opts.out && !opts.dryRun)
        throw new MmcbError("input:invalid", "--out DIR is required (the folder to create)");
      const source = opts.source ?? DEFAULT_SOURCE[opts.kind];
      const negatives =
        opts.kind === "pairs" && source === "guided" ? (opts.negatives ?? DEFAULT_NEGATIVES) : (opts.negatives ?? null);
      const bar = progressBar(process.stderr.isTTY === true && !opts.json);
      try {
        // exports a killed process left "running" (and their temporary folders) are cleaned first
        if (!opts.dryRun)
          for (const line of describeClean(await cleanStaleExports(getDb()), displayPath))
            console.error(`mmcb: ${line}`);
        const result = await runExport({
          kind: opts.kind,
          runIds: opts.run,
          source,
          negatives,
          format: opts.format,
          outDir: opts.out ?? ".",
          scenariosDir: opts.scenarios,
          testShare: opts.testShare,
          seed: opts.seed,
          ...(opts.minMargin !== undefined ? { minMargin: opts.minMargin } : {}),
          maxPerScenario: opts.maxPerScenario ?? null,
          limit: opts.limit ?? null,
          force: opts.force === true,
          dryRun: opts.dryRun === true,
          command: ["mmcb", ...process.argv.slice(2)]
            .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, "'\\''")}'`))
            .join(" "),
          onProgress: bar.update,
        });
        bar.stop();
        for (const w of result.warnings) console.error(`warning: ${w}`);
        if (opts.json) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        const what = opts.kind === "pairs" ? "pair" : "trajectory";
        const n = result.counts.total;
        const noun = n === 1 ? what : what === "pair" ? "pairs" : "trajectories";
        console.log(
          opts.dryRun
            ? `would export ${n} ${noun} (${result.counts.train} train, ${result.counts.test} test)`
            : `exported ${n} ${noun} (${result.counts.train} train, ${result.counts.test} test; ${result.counts.images} image${result.counts.images === 1 ? "" : "s"}) to ${displayPath(result.outDir!)} [export ${result.exportId}]`,
        );
        for (const line of summary(result.counts)) console.log(line);
      } finally {
        bar.stop();
        await closeDb();
      }
    });
}

/** `mmcb exports clean`: marks exports whose process is gone failed and removes their temporary folders. */
export function registerExportsCommands(program: Command): void {
  const exports = program.command("exports").description("recorded training-data exports");
  exports
    .command("clean")
    .description(
      "mark exports left running by a process that is gone (killed, crashed) failed and remove their temporary folders",
    )
    .option("--json", "print the result as JSON")
    .action(async (opts: { json?: boolean }) => {
      try {
        const result = await cleanStaleExports(getDb());
        if (opts.json) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        for (const line of describeClean(result, displayPath)) console.log(line);
        const n = result.stale.length;
        const removed = result.stale.filter((x) => x.removed).length + result.orphans.length;
        const others = result.otherHosts ? ` (${result.otherHosts} running on other hosts left alone)` : "";
        console.log(
          `${n} stale export${n === 1 ? "" : "s"} marked failed, ${removed} temporary folder${removed === 1 ? "" : "s"} removed${others}`,
        );
      } finally {
        await closeDb();
      }
    });
}
