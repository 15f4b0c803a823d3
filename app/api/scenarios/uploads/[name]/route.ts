import { readFile } from "node:fs/promises";
import { z } from "zod";
import { contentTypeOf } from "@/lib/images/views";
import { UPLOAD_NAME, uploadPath } from "@/lib/uploads/images";
import { MmcbError } from "@/core/errors";
import { handle, imageResponse, notAllowed, parsePathParams } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const paramsSchema = z.object({ name: z.string().regex(UPLOAD_NAME) });

/** An uploaded photo by its generated name (uploads are immutable: the name is a fresh UUID). */
export const GET = handle(async (request: Request, ctx: { params: Promise<{ name: string }> }) => {
  const { name } = await parsePathParams(paramsSchema, ctx.params);
  const file = await uploadPath(name);
  if (!file) throw new MmcbError("scenario:not_found", `No upload "${name}"`);
  const bytes = await readFile(file);
  return imageResponse(request, { bytes, contentType: contentTypeOf(name), etag: `"${name}"` }, "");
});

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
