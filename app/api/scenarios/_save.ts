/**
 * The HTTP side of a scenario save shared by POST /api/scenarios (create) and PUT /api/scenarios/[id]
 * (new version): body parsing with zod and the answer for each outcome of saveScenarioVersion.
 */
import { z } from "zod";
import type { SaveScenarioResult } from "@/lib/scenarios/write";
import { fieldErrorResponse, publicMessage, readJsonBody } from "@/app/_lib/http";

export const saveBodySchema = z.strictObject({
  /** The edited scenario document (validated by the scenario validator, not here). */
  scenario: z.record(z.string(), z.unknown()),
  /** The version the editor started from (PUT only). */
  baseVersion: z.number().int().min(1).optional(),
  /** POST only: the scenario whose images a copy reuses ("save as a copy"). */
  copyOf: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
});
export type SaveBody = z.infer<typeof saveBodySchema>;

/** The parsed body, or a 400 naming the field that is wrong. */
export async function readSaveBody(request: Request): Promise<SaveBody | Response> {
  const parsed = saveBodySchema.safeParse(await readJsonBody(request));
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
  return fieldErrorResponse(
    'send { "scenario": { … }, "baseVersion": N } (baseVersion: the version you started editing)',
    fields,
  );
}

/**
 * 200/201 with the saved version, 422 with the validator's lines (file paths relative to the data folder,
 * never the server's absolute ones), 409 with both versions.
 */
export function saveResponse(result: SaveScenarioResult, created: boolean): Response {
  const headers = { "Cache-Control": "no-store" };
  if (result.kind === "saved") {
    return Response.json(
      {
        scenario: result.scenario,
        version: result.version,
        contentHash: result.contentHash,
        revisionId: result.revisionId,
      },
      { status: created ? 201 : 200, headers },
    );
  }
  if (result.kind === "invalid") {
    const count = result.lines.length;
    const lines = result.lines.map(publicMessage);
    return Response.json(
      {
        error: {
          code: "scenario:invalid",
          message: `the scenario has ${count} problem${count === 1 ? "" : "s"}: ${lines[0] ?? ""}`,
          issues: lines,
          fields: Object.fromEntries(result.issues.map((i) => [i.path, publicMessage(i.message)])),
        },
      },
      { status: 422, headers },
    );
  }
  return Response.json(
    {
      error: { code: "conflict", message: result.message },
      conflict: { latest: result.latest, yours: result.yours, draftId: result.draftId },
    },
    { status: 409, headers },
  );
}
