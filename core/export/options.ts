/**
 * What an export is asked for, and which combinations make sense. `checkExportPlan` returns a sentence
 * for a combination that cannot be written (the CLI and the API print it), or null.
 */
import { z } from "zod";
import { FORMAT_NAMES, type FormatName } from "./formats";
import { EXPORT_SOURCES, NEGATIVE_KINDS, type ExportSource, type NegativeKind } from "./messages";

export const EXPORT_KINDS = ["pairs", "sft"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export interface ExportPlan {
  readonly kind: ExportKind;
  readonly source: ExportSource;
  /** Turn-level pairs only (`--source guided`); null elsewhere. */
  readonly negatives: NegativeKind | null;
  readonly format: FormatName;
}

/** The default source of each kind. */
export const DEFAULT_SOURCE: Readonly<Record<ExportKind, ExportSource>> = { pairs: "guided", sft: "guided" };
/** Hard negatives with SFT gave the paper's best results. */
export const DEFAULT_NEGATIVES: NegativeKind = "hard";

export function checkExportPlan(plan: ExportPlan): string | null {
  if (plan.kind === "sft") {
    if (plan.source === "human")
      return "human verdicts make preference pairs, not SFT trajectories; use `export pairs --source human`";
    if (plan.format === "openai-dpo")
      return "openai-dpo holds preference pairs only; export SFT trajectories as trl-vision or trl-text-tools";
    if (plan.negatives !== null) return "--negatives applies to preference pairs, not to SFT trajectories";
    return null;
  }
  if (plan.source !== "guided" && plan.negatives !== null)
    return `--negatives applies to turn-level pairs (--source guided); ${plan.source} pairs compare whole episodes`;
  if (plan.source === "guided" && plan.negatives === null) return "turn-level pairs need --negatives normal or hard";
  if (plan.source !== "guided" && plan.format === "openai-dpo")
    return `openai-dpo compares exactly one assistant turn, and ${plan.source} pairs span whole episodes; use trl-text-tools or trl-vision`;
  return null;
}

/** An export as the HTTP API takes it (the CLI has the same choices as flags). */
export const exportRequestSchema = z
  .object({
    kind: z.enum(EXPORT_KINDS),
    runIds: z
      .array(z.string().regex(/^[A-Za-z0-9._:-]+$/, { message: "run ids hold letters, digits, '.', '_', ':' and '-'" }))
      .min(1, { message: "pick at least one run" })
      .max(200),
    source: z.enum(EXPORT_SOURCES),
    negatives: z.enum(NEGATIVE_KINDS).nullable(),
    format: z.enum(FORMAT_NAMES),
    testShare: z.number().min(0).max(0.99, { message: "the test share must be below 1" }),
    seed: z.number().int(),
    maxPerScenario: z.number().int().min(1).max(1_000_000).nullable(),
    minMargin: z.number().min(0).max(1).nullable(),
  })
  .strict();
export type ExportRequest = z.infer<typeof exportRequestSchema>;
