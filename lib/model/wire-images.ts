/**
 * Images on the wire without re-serialising them per request. A request body carries a base64 data URL of
 * tens of KB; built as a JS string each turn it is copied by `JSON.stringify`, then transcoded to
 * UTF-8 by fetch — and because the prompt holds a non-Latin-1 character (an en dash), V8 keeps the whole
 * body as a two-byte string, which makes both passes slow. Profiles of the harness showed these copies among
 * its largest costs.
 *
 * Instead, the messages hold a short token per image (`mmcb-img-<nonce>-<n>`); the data URL's bytes are
 * made once per process and per image; `splicingFetch` (the `fetch` the OpenAI client is given) swaps the
 * tokens in the serialised body for those bytes, so each request costs a copy of its bytes, nothing more.
 * The nonce is random per process, so text a model or a scenario writes can never collide with a token.
 * The request on the wire is byte-for-byte what the plain path would send.
 */
import { randomBytes } from "node:crypto";

const NONCE = randomBytes(6).toString("hex");
const PREFIX = `mmcb-img-${NONCE}-`;
const TOKEN = new RegExp(`${PREFIX}(\\d+)`, "g");

interface Entry {
  readonly token: string;
  bytes: Buffer | null;
}

const byKey = new Map<string, Promise<Entry>>();
const byIndex: Entry[] = [];

/**
 * The token that stands for an image's data URL in a request body. `key` names the image's content (same
 * key, same bytes); `load` makes the data URL the first time the key is seen.
 */
export function imageToken(key: string, load: () => Promise<string>): Promise<string> {
  let pending = byKey.get(key);
  if (!pending) {
    pending = load().then((dataUrl) => {
      const entry: Entry = { token: `${PREFIX}${byIndex.length}`, bytes: Buffer.from(dataUrl, "utf8") };
      byIndex.push(entry);
      return entry;
    });
    byKey.set(key, pending);
    pending.catch(() => byKey.delete(key));
  }
  return pending.then((e) => e.token);
}

/** The body as UTF-8 bytes with every image token replaced by its data URL. */
export function spliceImages(body: string): Uint8Array<ArrayBuffer> {
  const pieces: Buffer[] = [];
  let last = 0;
  for (const match of body.matchAll(TOKEN)) {
    const entry = byIndex[Number(match[1])];
    if (!entry?.bytes) continue;
    pieces.push(Buffer.from(body.slice(last, match.index), "utf8"), entry.bytes);
    last = match.index + match[0].length;
  }
  if (pieces.length > 0) pieces.push(Buffer.from(body.slice(last), "utf8"));
  const bytes = pieces.length > 0 ? Buffer.concat(pieces) : Buffer.from(body, "utf8");
  return new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * `fetch` for the OpenAI client: a string body goes out as bytes with image tokens spliced in. (Handed a
 * string, undici would also scan it for lone surrogates and encode it with a TextEncoder.)
 */
export const splicingFetch: typeof fetch = (input, init) =>
  fetch(input, typeof init?.body === "string" ? { ...init, body: spliceImages(init.body) } : init);
