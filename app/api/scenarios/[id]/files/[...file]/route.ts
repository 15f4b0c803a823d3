import { readFile } from "node:fs/promises";
import { MmcbError } from "@/core/errors";
import { referencedImages } from "@/core/scenario";
import { contentTypeOf } from "@/lib/images/views";
import { resolveInside } from "@/lib/scenarios/load";
import { getScenario } from "@/lib/scenarios/store";
import { fileParamsSchema, handle, imageResponse, notAllowed, parsePathParams } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A raw image file of a scenario; only files the scenario references are served. */
export const GET = handle(async (request: Request, ctx: { params: Promise<{ id: string; file: string[] }> }) => {
  const { id, file } = await parsePathParams(fileParamsSchema, ctx.params);
  const loaded = await getScenario(id);
  if (!loaded) throw new MmcbError("scenario:not_found", `No scenario "${id}"`);
  const name = file.join("/");
  const hash = loaded.imageHashes[name];
  if (!referencedImages(loaded.scenario).includes(name) || !hash) {
    throw new MmcbError("scenario:not_found", `Scenario "${id}" has no image "${name}"`);
  }
  const bytes = await readFile(resolveInside(loaded.dir, name));
  return imageResponse(
    request,
    { bytes, contentType: contentTypeOf(name), etag: `"${hash.slice(0, 32)}"` },
    loaded.contentHash,
  );
});

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
