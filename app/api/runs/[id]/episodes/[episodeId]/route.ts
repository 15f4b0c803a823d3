import { MmcbError } from "@/core/errors";
import { getDb } from "@/lib/db/client";
import { getEpisodeInfo } from "@/lib/db/run-queries";
import { episodeTrace } from "@/lib/db/runs";
import { episodeParamsSchema, handle, notAllowed, parsePathParams } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** One episode of a run: its status, stored metrics and its trace (SPEC §4). */
export const GET = handle(async (_request: Request, ctx: { params: Promise<{ id: string; episodeId: string }> }) => {
  const { id, episodeId } = await parsePathParams(episodeParamsSchema, ctx.params, "run:not_found");
  const db = getDb();
  const info = await getEpisodeInfo(db, episodeId);
  if (!info || info.runId !== id) throw new MmcbError("run:not_found", `No episode "${episodeId}" in run "${id}"`);
  const trace = await episodeTrace(db, episodeId);
  return Response.json({ episode: info, trace }, { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
