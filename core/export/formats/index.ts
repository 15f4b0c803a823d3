/** The export formats (SPEC §7), by name. Adding one: a file here with an `ExportFormat` and its validator. */
import { openAiDpo } from "./openai-dpo";
import type { ExportFormat } from "./shared";
import { trlTextTools } from "./trl-text-tools";
import { trlVision } from "./trl-vision";

export * from "./shared";
export { openAiDpo, openAiMessage, validateOpenAiDpo } from "./openai-dpo";
export { trlTextTools, trlTextMessage, validateTrlTextTools } from "./trl-text-tools";
export { systemWithTools, toolCallText, trlVision, validateTrlVision } from "./trl-vision";

export const FORMAT_NAMES = ["trl-vision", "trl-text-tools", "openai-dpo"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const FORMATS: Readonly<Record<FormatName, ExportFormat>> = {
  "trl-vision": trlVision,
  "trl-text-tools": trlTextTools,
  "openai-dpo": openAiDpo,
};
