import type { z } from "zod";

/** A zod error as one message per field (`calls[0].tool: …`); the schema's messages already name the field. */
export function bodyFieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const where = issue.path.length
      ? issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("")
      : "body";
    let message = issue.message;
    if (issue.code === "unrecognized_keys")
      message = `unexpected field(s) ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    if (issue.code === "invalid_type" && issue.path.length === 0) message = "expected a JSON object";
    fields[where] ??= message.startsWith(`${where}:`) || where === "body" ? message : `${where}: ${message}`;
  }
  return fields;
}
