import { createHash } from "node:crypto";
import { canonicalJson, comparablePart, type RunConfig } from "@/core/run";
import { openAiTools } from "@/core/tools";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** sha256 of the canonical JSON of the full run configuration. */
export function configHash(config: RunConfig): string {
  return sha256(canonicalJson(config));
}

/** sha256 of everything but the model: equal for comparable runs. */
export function comparableHash(config: RunConfig): string {
  return sha256(canonicalJson(comparablePart(config)));
}

/** sha256 of the tool definitions the solver sees. */
export function toolSchemaHash(): string {
  return sha256(canonicalJson(openAiTools()));
}
