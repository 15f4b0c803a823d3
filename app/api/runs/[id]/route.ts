import { MmcbError } from "@/core/errors";
import { mutating } from "@/app/_lib/auth";
import { deleteRunJob } from "@/lib/jobs/run-jobs";
import { loadRunStatus } from "@/lib/runs/run-view";
import { handle, notAllowed, parsePathParams, runParamsSchema } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ id: string }> };

/** A run with its live progress (what the run page polls while the run plays). */
export const GET = handle(async (_request: Request, ctx: Ctx) => {
  const { id } = await parsePathParams(runParamsSchema, ctx.params, "run:not_found");
  const status = await loadRunStatus(id);
  if (!status) throw new MmcbError("run:not_found", `No run "${id}"`);
  return Response.json({ id, ...status }, { headers: { "Cache-Control": "no-store" } });
});

/**
 * Deletes the run and everything stored under it (episodes, steps, scores, reviews, pair verdicts) in
 * one transaction: it is gone from runs, leaderboard, compare, review and export. A run still playing is
 * refused (409 `conflict`: cancel it first).
 */
export const DELETE = mutating(async (_request: Request, ctx: Ctx) => {
  const { id } = await parsePathParams(runParamsSchema, ctx.params, "run:not_found");
  const { episodes } = await deleteRunJob(id);
  return Response.json({ deleted: { runId: id, episodes } }, { headers: { "Cache-Control": "no-store" } });
});

export const { POST, PUT, PATCH } = notAllowed("GET", "DELETE");
