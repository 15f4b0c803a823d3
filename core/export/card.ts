/**
 * The dataset card (README.md) of an export: what it holds and how it was made — counts by split, source
 * and negative kind, what was skipped and why, the scenarios with their versions, hashes, splits and
 * licences, the runs, the format and how to load it, and the command that generated it. Starts with
 * Hugging Face dataset-card front matter so the folder can be pushed as a dataset as it is.
 */
import type { ExportKind } from "./options";
import type { Split } from "./split";

export interface CardScenario {
  readonly id: string;
  readonly title: string;
  readonly version: number;
  readonly contentHash: string;
  readonly split: Split;
  readonly records: number;
  readonly license: string;
  readonly attribution: string;
}

export interface CardInput {
  readonly exportId: string;
  readonly createdAt: string;
  readonly command: string;
  readonly appVersion: string;
  readonly kind: ExportKind;
  readonly source: string;
  readonly negatives: string | null;
  readonly format: string;
  readonly formatDescription: string;
  readonly seed: number;
  readonly testShare: number;
  readonly minMargin: number | null;
  readonly maxPerScenario: number | null;
  /** Records per split and group (`guided/hard`, `trajectory`, …). */
  readonly counts: Readonly<Record<Split, Readonly<Record<string, number>>>>;
  readonly skipped: Readonly<Record<string, number>>;
  readonly scenarios: readonly CardScenario[];
  /** sha256 over the sorted (id, version, content hash) of the exported scenarios. */
  readonly scenarioSetHash: string;
  readonly runs: readonly { id: string; solver: string; configHash: string }[];
  readonly images: number;
  readonly files: readonly { name: string; lines: number }[];
  /** The scenario folder's ATTRIBUTION.md, quoted in full (it carries licence notices). */
  readonly attribution: { readonly file: string; readonly text: string } | null;
}

const sum = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

/** The card's licence id for the front matter: the scenarios' common licence, else `other`. */
export function cardLicense(scenarios: readonly CardScenario[]): string {
  const all = new Set(scenarios.map((s) => s.license.toLowerCase()));
  return all.size === 1 ? [...all][0]! : "other";
}

const LOADING: Readonly<Record<string, string>> = {
  "trl-vision": [
    "```python",
    "from datasets import load_dataset, Image, Sequence",
    'ds = load_dataset("json", data_files={"train": "train.jsonl", "test": "test.jsonl"})',
    "# `images` holds paths relative to this folder; resolve them and cast to images",
    'ds = ds.map(lambda r: {"images": [f"{DIR}/{p}" for p in r["images"]]}).cast_column("images", Sequence(Image()))',
    "```",
    "Use with TRL's `DPOTrainer` (pairs) or `SFTTrainer` (SFT) and a vision-language processor. Tool calls are text",
    "(`<tool_call>{…}</tool_call>`, results in `<tool_response>`), declared in the system prompt's `<tools>` block.",
  ].join("\n"),
  "trl-text-tools": [
    "```python",
    "from datasets import load_dataset",
    'ds = load_dataset("json", data_files={"train": "train.jsonl", "test": "test.jsonl"})',
    "```",
    "Use with TRL's `DPOTrainer` (pairs) or `SFTTrainer` (SFT); the `tools` column is passed to the chat template.",
    "Tool-call `arguments` are objects, as transformers chat templates expect. Images are text placeholders.",
  ].join("\n"),
  "openai-dpo": [
    'Upload `train.jsonl` (and `test.jsonl` as validation) for a fine-tuning job with `method.type = "dpo"`.',
    "Each line has exactly the keys OpenAI documents (`input`, `preferred_output`, `non_preferred_output`); the",
    "provenance of line n of `<split>.jsonl` is line n of `<split>.provenance.jsonl`. Images are text placeholders",
    "(OpenAI documents DPO for text inputs).",
  ].join("\n"),
};

/** Renders the card. */
export function datasetCard(c: CardInput): string {
  const train = sum(c.counts.train);
  const test = sum(c.counts.test);
  const groups = [...new Set([...Object.keys(c.counts.train), ...Object.keys(c.counts.test)])].sort();
  const lines: string[] = [
    "---",
    `license: ${cardLicense(c.scenarios)}`,
    "pretty_name: MM-CreativityBench " + (c.kind === "pairs" ? "preference pairs" : "SFT trajectories"),
    "tags:",
    "  - mmcb",
    "  - creative-tool-use",
    "  - affordance",
    c.kind === "pairs" ? "  - dpo" : "  - sft",
    "configs:",
    "  - config_name: default",
    "    data_files:",
    "      - split: train",
    "        path: train.jsonl",
    ...(test > 0 ? ["      - split: test", "        path: test.jsonl"] : []),
    "---",
    "",
    `# MM-CreativityBench ${c.kind === "pairs" ? "preference pairs" : "SFT trajectories"} (${c.format})`,
    "",
    `Exported by mmcb ${c.appVersion} on ${c.createdAt} (export \`${c.exportId}\`) with:`,
    "",
    "```sh",
    c.command,
    "```",
    "",
    "## What is in it",
    "",
    `- kind: **${c.kind}** · source: **${c.source}**${c.negatives ? ` · negatives: **${c.negatives}**` : ""} · format: **${c.format}** — ${c.formatDescription}`,
    `- ${train + test} records: ${train} train, ${test} test (split by scenario, seed ${c.seed}, test share ${c.testShare}; no scenario is in both)`,
    `- ${c.images} image file${c.images === 1 ? "" : "s"} in \`images/\`, each stored once under its sha256`,
    ...(c.minMargin !== null ? [`- minimum episode-score margin between chosen and rejected: ${c.minMargin}`] : []),
    ...(c.maxPerScenario !== null ? [`- at most ${c.maxPerScenario} records per scenario`] : []),
    `- scenario set: ${c.scenarios.length} scenario${c.scenarios.length === 1 ? "" : "s"}, hash \`${c.scenarioSetHash}\``,
    "",
    "| group | train | test |",
    "| --- | ---: | ---: |",
    ...groups.map((g) => `| ${g} | ${c.counts.train[g] ?? 0} | ${c.counts.test[g] ?? 0} |`),
    `| **all** | **${train}** | **${test}** |`,
    "",
    "Files:",
    "",
    ...c.files.map((f) => `- \`${f.name}\` — ${f.lines} line${f.lines === 1 ? "" : "s"}`),
    "",
    "## How the records were built",
    "",
    c.kind === "pairs"
      ? c.source === "guided"
        ? [
            "Turn-level pairs (the paper's affordance-grounded alignment). The prompt is a real trajectory prefix; `chosen`",
            "is the guided turn built from the annotations (inspect the gold entity and part, assess with the part's true",
            "visual attributes and the right suitability, answer gold with its required attributes); `rejected` is",
            c.negatives === "normal"
              ? "the solver's own turn where it hallucinated a claim, named a non-existent object, misjudged a part or answered wrongly (normal negatives)."
              : "a synthesised turn that keeps a valid action but claims a contradicted visual attribute of the same part, or judges the part without looking at it (hard negatives).",
            "Both sides were checked with mmcb's scorer. Compared turns carry tool calls only.",
          ].join("\n")
        : c.source === "trajectory"
          ? [
              "Trajectory-level pairs: two episodes of the same scenario under comparable run configurations; chosen is",
              "gold-correct with no hallucinated claim, rejected is wrong or hallucinating, and the episode score",
              "(0.6 × answer + 0.3 × (1 − hallucination rate) + 0.1 × assessment accuracy) differs by at least the margin.",
            ].join("\n")
          : "Human pairs: blind pairwise verdicts of reviewers (`left`/`right`; ties and both-bad verdicts give no pair)."
      : c.source === "guided"
        ? "Guided trajectories played fresh by the guided policy under each run's configuration (the paper's stage-1 SFT data)."
        : "Stored episodes that are gold-correct with no hallucinated claim, no invalid call and every assessment right.",
    "",
    "Every record carries its provenance (scenario id, version and content hash, runs, episodes, source, negative",
    "kind, score margin, attribute-claim counts by class) — " +
      (c.format === "openai-dpo" ? "in the side-car `<split>.provenance.jsonl`." : "in the `metadata` column."),
    "",
    ...(Object.keys(c.skipped).length
      ? [
          "Not exported (counts):",
          "",
          ...Object.entries(c.skipped)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, v]) => `- ${k.replace(/_/g, " ")}: ${v}`),
          "",
        ]
      : []),
    "## Loading",
    "",
    LOADING[c.format] ?? "",
    "",
    "## Scenarios",
    "",
    "| scenario | version | content hash | split | records | licence | attribution |",
    "| --- | ---: | --- | --- | ---: | --- | --- |",
    ...c.scenarios.map(
      (s) =>
        `| ${cell(s.id)} | ${s.version} | \`${s.contentHash.slice(0, 16)}\` | ${s.split} | ${s.records} | ${cell(s.license)} | ${cell(s.attribution)} |`,
    ),
    "",
    "## Runs",
    "",
    "| run | solver | configuration hash |",
    "| --- | --- | --- |",
    ...c.runs.map((r) => `| ${cell(r.id)} | ${cell(r.solver)} | \`${r.configHash.slice(0, 16)}\` |`),
    "",
    "## Licences",
    "",
    "Each scenario's licence and attribution are listed above (from its `source`). The images are derived from the",
    "scenario images and carry their licences.",
    ...(c.attribution
      ? [
          "",
          `The scenario folder's attribution file (\`${c.attribution.file}\`), in full:`,
          "",
          ...c.attribution.text
            .trim()
            .split("\n")
            .map((l) => `> ${l}`.trimEnd()),
        ]
      : []),
    "",
  ];
  return lines.join("\n");
}
