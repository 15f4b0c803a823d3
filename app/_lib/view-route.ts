import "server-only";
import { MmcbError } from "@/core/errors";
import { renderView } from "@/lib/images/views";
import { getScenario } from "@/lib/scenarios/store";
import { imageResponse, parsePathParams, viewParamsSchema } from "@/app/_lib/http";

/** Shared by the entity-view and part-view routes: the rendered (or cached) view as an image. */
export async function viewResponse(request: Request, params: Promise<unknown>): Promise<Response> {
  const { id, entityId, partId } = await parsePathParams(viewParamsSchema, params);
  const loaded = await getScenario(id);
  if (!loaded) throw new MmcbError("scenario:not_found", `No scenario "${id}"`);
  const view = await renderView(loaded, entityId, partId);
  return imageResponse(request, view, loaded.contentHash);
}
