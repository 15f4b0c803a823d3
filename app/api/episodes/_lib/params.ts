import { z } from "zod";

/** Episode ids (`<run>:<scenario>:<seed>`) may arrive percent-encoded (':' is often escaped). */
function decodeSegment(value: unknown): unknown {
  if (typeof value !== "string" || !value.includes("%")) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export const episodeIdParamsSchema = z.object({
  id: z.preprocess(decodeSegment, z.string().regex(/^[A-Za-z0-9._:-]{1,300}$/)),
});
