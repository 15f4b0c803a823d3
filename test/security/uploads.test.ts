// Uploads (issue #8): wrong types, huge sizes and path-traversal names are refused; what is accepted is
// stored under a generated name inside the data folder, whatever name the client sent.
import { readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { tempDir } from "@/test/fixture";

vi.mock("server-only", () => ({}));

type Handler = (request: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
let work: string;
let upload: Handler;
let served: Handler;
const saved = { ...process.env };

beforeAll(async () => {
  work = tempDir("mmcb-uploads-");
  process.env.MMCB_DATA_DIR = path.join(work, "data");
  process.env.MMCB_SCENARIOS_DIR = path.join(work, "scenarios");
  delete process.env.DATABASE_URL;
  delete process.env.MMCB_TOKEN;
  upload = (await import("@/app/api/scenarios/uploads/route")).POST as Handler;
  served = (await import("@/app/api/scenarios/uploads/[name]/route")).GET as Handler;
});
afterAll(() => {
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function post(bytes: Uint8Array | Blob, filename: string, type = "image/png"): Request {
  const form = new FormData();
  form.set("file", bytes instanceof Blob ? bytes : new Blob([new Uint8Array(bytes)], { type }), filename);
  return new Request("http://127.0.0.1/api/scenarios/uploads", {
    method: "POST",
    headers: { "x-mmcb-annotator": "uploader" },
    body: form,
  });
}

const png = (w = 40, h = 30) =>
  sharp({ create: { width: w, height: h, channels: 3, background: "#123456" } })
    .png()
    .toBuffer();

async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}

describe("photo uploads", () => {
  it("a real PNG with a path-traversal name is stored under a generated name inside the data folder", async () => {
    for (const name of ["../../../../tmp/evil.png", "/etc/cron.d/evil.png", "..\\..\\evil.png", "%2e%2e%2fevil.png"]) {
      const res = await upload(post(await png(), name), { params: Promise.resolve({}) });
      expect(res.status, name).toBe(201);
      const { upload: stored } = (await res.json()) as { upload: { name: string; file: string } };
      expect(stored.name).toMatch(/^[0-9a-f-]{36}\.png$/);
      expect(stored.file).not.toContain("evil");
    }
    const written = filesUnder(work);
    expect(
      written.every((f) => f.startsWith(path.join(work, "data") + path.sep)),
      written.join("\n"),
    ).toBe(true);
    expect(written.some((f) => f.includes("evil"))).toBe(false);
  });

  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string]>([
    ["text named .png", () => new TextEncoder().encode("<script>alert(1)</script>"), "x.png"],
    [
      "an SVG with a script",
      () => new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      "x.svg",
    ],
    ["an HTML page", () => new TextEncoder().encode("<!doctype html><html><body>hi</body></html>"), "x.html"],
    ["a GIF", () => new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3b]), "x.gif"],
    ["a truncated PNG", async () => (await png()).subarray(0, 40), "x.png"],
    ["an empty file", () => new Uint8Array(0), "x.png"],
  ])("refuses %s with 415 input:unsupported_type", async (_what, make, name) => {
    const err = await errorOf(await upload(post(await make(), name), { params: Promise.resolve({}) }));
    expect(err.status).toBe(415);
    expect(err.code).toBe("input:unsupported_type");
    expect(err.message.length).toBeGreaterThan(10);
  });

  it("refuses an oversized upload by its declared length with 413, before reading it", async () => {
    const res = await upload(
      new Request("http://127.0.0.1/api/scenarios/uploads", {
        method: "POST",
        headers: {
          "x-mmcb-annotator": "uploader",
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(200 * 1024 * 1024),
        },
        body: "--x--",
      }),
      { params: Promise.resolve({}) },
    );
    const err = await errorOf(res);
    expect(err.status).toBe(413);
    expect(err.code).toBe("input:too_large");
    expect(err.message).toMatch(/MB/);
  });

  it("refuses a 21 MB file sent without a length with 413", async () => {
    const big = new Uint8Array(21 * 1024 * 1024);
    big.set((await png()).subarray(0, 8)); // starts like a PNG
    const err = await errorOf(await upload(post(big, "big.png"), { params: Promise.resolve({}) }));
    expect(err.status).toBe(413);
    expect(err.code).toBe("input:too_large");
  });

  it("refuses a decompression bomb (small file, more than 50 megapixels)", async () => {
    const bomb = await sharp({ create: { width: 7200, height: 7200, channels: 3, background: "#000" } })
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.byteLength).toBeLessThan(2 * 1024 * 1024);
    const err = await errorOf(await upload(post(bomb, "bomb.png"), { params: Promise.resolve({}) }));
    expect([413, 415]).toContain(err.status);
    expect(err.message).toMatch(/megapixels|pixels|too large|cannot/);
  }, 60_000);

  it("serves uploads only by a generated name (traversal names are 404)", async () => {
    for (const name of [
      "..",
      "../../etc/passwd",
      "%2e%2e%2fpasswd",
      "evil.png",
      "/etc/passwd",
      "00000000-0000-0000-0000-000000000000.png",
    ]) {
      const res = await served(new Request("http://127.0.0.1/x"), { params: Promise.resolve({ name }) });
      expect(res.status, name).toBeGreaterThanOrEqual(400);
      expect(res.status, name).toBeLessThan(500);
    }
  });
});
