import { handle, notAllowed, parsePathParams } from "@/app/_lib/http";
import { getPlayEpisode } from "@/lib/play/episodes";
import { addressing } from "../_lib/addressing";
import { episodeIdParamsSchema } from "../_lib/params";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A human-play episode: brief, turn budget, steps with observations, and the score once it ended. */
export const GET = handle(async (_request: Request, ctx: { params: Promise<{ id: string }> }) => {
  const { id } = await parsePathParams(episodeIdParamsSchema, ctx.params, "episode:not_found");
  return Response.json(await getPlayEpisode(id, addressing), { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
