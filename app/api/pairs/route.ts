import { z } from "zod";
import { MmcbError } from "@/core/errors";
import { PAIR_VERDICTS } from "@/core/review/pairs";
import { nextPair, submitPairVerdict } from "@/lib/review/pairs";
import { fieldErrorResponse, handle, notAllowed, readJsonBody } from "@/app/_lib/http";
import { mutating, requestAnnotator } from "@/app/_lib/auth";
import { scenarioImageUrls } from "@/app/_lib/urls";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const keySchema = z.string().regex(/^[a-z0-9-]+\.[0-9a-f]{32}$/, "a pair key from GET /api/pairs");
const bodySchema = z.object({ key: keySchema, verdict: z.enum(PAIR_VERDICTS) });

/**
 * The next blind pair for the requesting annotator (`{ pair: null }` when none is left); `?skip=k1,k2`
 * leaves out pairs passed over. Needs the annotator's name; it is a read, so no token.
 */
export const GET = handle(async (request: Request) => {
  const annotator = await requestAnnotator(request);
  const skipRaw = new URL(request.url).searchParams.get("skip") ?? "";
  const skip = skipRaw.split(",").filter((k) => keySchema.safeParse(k).success);
  if (skip.length > 200) throw new MmcbError("input:invalid", "skip at most 200 pairs");
  const pair = await nextPair(annotator.id, (s, hash) => scenarioImageUrls(s, hash).scene, skip);
  return Response.json({ pair }, { headers: { "Cache-Control": "no-store" } });
});

/** Stores a verdict (left | right | tie | both_bad) on the pair named by `key`. */
export const POST = mutating(async (request: Request) => {
  const parsed = bodySchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] = issue.message;
    return fieldErrorResponse(
      `the verdict is not valid: ${Object.keys(fields).join(", ")} (expected key and verdict left|right|tie|both_bad)`,
      fields,
    );
  }
  const annotator = await requestAnnotator(request);
  const verdict = await submitPairVerdict(parsed.data.key, parsed.data.verdict, annotator.id);
  // the episode ids stay on the server: the reviewer is still blind after judging
  return Response.json(
    { verdict: { id: verdict.id, verdict: verdict.verdict, createdAt: verdict.createdAt } },
    { status: 201 },
  );
});

export const { PUT, PATCH, DELETE } = notAllowed("GET", "POST");
