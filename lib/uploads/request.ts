/**
 * Reading one file from a multipart upload request: the body is read under a size limit while it streams
 * (a declared length over it is refused before a byte is read, a chunked body is cut off at the limit),
 * so an oversized upload is never buffered whole; the file name the client sends is ignored (it is never
 * used on disk).
 */
import { MmcbError } from "@/core/errors";
import { readBodyCapped } from "@/lib/request-body";
import { MAX_UPLOAD_BYTES } from "./images";

/** Room for the multipart framing around the file. */
const FRAMING_BYTES = 64 * 1024;

/** The bytes of the form field `field` (default "file"); throws input:* errors with a sentence. */
export async function readUploadedFile(request: Request, field = "file"): Promise<Uint8Array> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) {
    throw new MmcbError("input:invalid", `send the photo as multipart/form-data with a "${field}" field`);
  }
  const bytes = await readBodyCapped(request, MAX_UPLOAD_BYTES + FRAMING_BYTES, () => {
    throw new MmcbError(
      "input:too_large",
      `the upload is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; photos up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are accepted`,
    );
  });
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new MmcbError("input:invalid", "the upload is not a readable multipart form");
  }
  const value = form.get(field);
  if (!value || typeof value === "string") {
    throw new MmcbError("input:invalid", `the form has no file in the "${field}" field`);
  }
  if (value.size > MAX_UPLOAD_BYTES) {
    throw new MmcbError(
      "input:too_large",
      `the file is ${Math.round((value.size / 1024 / 1024) * 10) / 10} MB; photos up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB are accepted`,
    );
  }
  return new Uint8Array(await value.arrayBuffer());
}
