import { describe, expect, it } from "vitest";
import { MmcbError } from "@/core/errors";
import { errorResponse, etagMatches, imageResponse } from "./http";

const HASH = "ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12";
const image = { bytes: new Uint8Array([1, 2, 3]), contentType: "image/png", etag: '"abc"' };

describe("etagMatches", () => {
  it("compares weakly and accepts lists and *", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(null, '"abc"')).toBe(false);
  });
});

describe("imageResponse", () => {
  it("is immutable only with a ?v= matching the content hash", async () => {
    const versioned = imageResponse(new Request(`http://x/img?v=${HASH.slice(0, 16)}`), image, HASH);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(versioned.headers.get("etag")).toBe('"abc"');
    expect(new Uint8Array(await versioned.arrayBuffer())).toEqual(image.bytes);

    for (const url of ["http://x/img", "http://x/img?v=0000000000000000", "http://x/img?v=ab12", "http://x/img?v=zz"]) {
      expect(imageResponse(new Request(url), image, HASH).headers.get("cache-control"), url).toBe("no-cache");
    }
  });

  it("answers a matching If-None-Match with an empty 304", async () => {
    const res = imageResponse(new Request("http://x/img", { headers: { "If-None-Match": '"abc"' } }), image, HASH);
    expect(res.status).toBe(304);
    expect(res.headers.get("etag")).toBe('"abc"');
    expect(await res.text()).toBe("");
  });
});

describe("errorResponse", () => {
  it("maps codes to statuses and never exposes unexpected errors", async () => {
    const notFound = errorResponse(new MmcbError("scenario:not_found", "No scenario"));
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ error: { code: "scenario:not_found", message: "No scenario" } });
    const original = console.error;
    console.error = () => {};
    try {
      const internal = errorResponse(new Error("secret path /etc/x"));
      expect(internal.status).toBe(500);
      expect(await internal.json()).toEqual({ error: { code: "internal", message: "Internal error" } });
    } finally {
      console.error = original;
    }
  });
});
