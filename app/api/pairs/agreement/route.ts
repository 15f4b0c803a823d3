import { agreementView } from "@/lib/review/pairs";
import { handle, notAllowed } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Agreement between pair reviewers: Cohen's kappa per two reviewers, Krippendorff's alpha over all. */
export const GET = handle(async () =>
  Response.json({ agreement: await agreementView() }, { headers: { "Cache-Control": "no-store" } }),
);

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
