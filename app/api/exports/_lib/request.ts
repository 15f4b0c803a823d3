/** Request parsing shared by the export route handlers: a zod-checked JSON body and the export id. */
import { z } from "zod";
import { MmcbError } from "@/core/errors";

export const exportParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/) });

/** Parses a JSON request body with zod; every problem becomes one input:invalid sentence. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > 64_000) throw new MmcbError("input:too_large", "the request body is too large");
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw new MmcbError("input:invalid", "the request body is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new MmcbError(
      "input:invalid",
      [...new Set(parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`))].join("; "),
    );
  return parsed.data;
}
