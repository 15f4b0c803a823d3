import { handle, notAllowed } from "@/app/_lib/http";
import { viewResponse } from "@/app/_lib/view-route";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** An entity's view: its `view` image, else a crop of its region from the scene. */
export const GET = handle((request: Request, ctx: { params: Promise<{ id: string; entityId: string }> }) =>
  viewResponse(request, ctx.params),
);

export const { POST, PUT, PATCH, DELETE } = notAllowed("GET");
