/**
 * Reading a request body under a size limit while it streams: a body declared too large is refused
 * before a byte is read, and one sent without a length (chunked) is cut off as soon as it passes the
 * limit, so no oversized body is ever buffered whole.
 */

/** The body's bytes; calls `tooLarge` (which throws) once more than `max` bytes are declared or arrive. */
export async function readBodyCapped(
  request: Request,
  max: number,
  tooLarge: () => never,
): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > max) tooLarge();
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
