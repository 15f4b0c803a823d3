import { storeUploadedImage } from "@/lib/uploads/images";
import { readUploadedFile } from "@/lib/uploads/request";
import { mutating, requestAnnotator } from "@/app/_lib/auth";
import { notAllowed } from "@/app/_lib/http";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Uploads a photo for a scenario (multipart, field "file"). The type is checked by content, the size is
 * limited (413), non-images are refused (415); the image is re-encoded and stored under a generated name.
 * Answers the name a scenario document uses for it (`images/<uuid>.<ext>`) and its pixel size.
 */
export const POST = mutating(
  async (request: Request) => {
    await requestAnnotator(request);
    const bytes = await readUploadedFile(request);
    const stored = await storeUploadedImage(bytes);
    return Response.json(
      {
        upload: {
          name: stored.name,
          file: stored.file,
          width: stored.width,
          height: stored.height,
          bytes: stored.bytes,
          url: `/api/scenarios/uploads/${stored.name}`,
        },
      },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  },
  { body: "multipart" },
);

export const { GET, PUT, PATCH, DELETE } = notAllowed("POST");
