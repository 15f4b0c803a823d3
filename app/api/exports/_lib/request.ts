/** Request parsing shared by the export route handlers: a zod-checked JSON body and the export id. */
import path from "node:path";
import { z } from "zod";
import { MmcbError } from "@/core/errors";
import type { ExportStatus } from "@/lib/export/jobs";
import { publicPath, scrubPaths } from "@/lib/public-path";
import { readJsonBody } from "@/app/_lib/http";

export const exportParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/) });

/** The most an export request body may hold. */
const MAX_EXPORT_BODY = 64 * 1024;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * Parses a JSON request body with zod (read under a size and depth limit while it streams); every problem
 * becomes one input:invalid sentence, which never repeats a submitted value at length.
 */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const json = await readJsonBody(request, { maxBytes: MAX_EXPORT_BODY });
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new MmcbError(
      "input:invalid",
      [
        ...new Set(
          parsed.error.issues
            .slice(0, 10)
            .map((i) => `${clip(i.path.map(String).join(".") || "body", 80)}: ${clip(i.message, 160)}`),
        ),
      ].join("; "),
    );
  return parsed.data;
}

/** An export's status as the API shows it: folders relative to the data folder, never absolute. */
export function publicExportStatus(status: ExportStatus): ExportStatus {
  const params = Object.fromEntries(
    Object.entries(status.params).map(([key, value]) => [
      key,
      typeof value === "string" && path.isAbsolute(value) ? publicPath(value) : value,
    ]),
  );
  return { ...status, params, error: status.error === null ? null : scrubPaths(status.error) };
}
