import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "@/test/fixture";
import {
  MAX_UPLOAD_BYTES,
  checkImageBytes,
  sniffImageFormat,
  storeUploadedImage,
  uploadNameOf,
  uploadPath,
  uploadsDir,
} from "./images";
import { readUploadedFile } from "./request";

let root: string;
const saved = process.env.MMCB_DATA_DIR;
beforeAll(() => {
  root = tempDir("mmcb-uploads-");
  process.env.MMCB_DATA_DIR = root;
});
afterAll(() => {
  if (saved === undefined) delete process.env.MMCB_DATA_DIR;
  else process.env.MMCB_DATA_DIR = saved;
  rmSync(root, { recursive: true, force: true });
});

const image = (format: "png" | "jpeg" | "webp", width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: "#336699" } })
    .toFormat(format)
    .toBuffer();

function multipart(bytes: Uint8Array, filename: string, type = "image/png"): Request {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(bytes)], filename, { type }));
  return new Request("http://x/api/scenarios/uploads", { method: "POST", body: form });
}

describe("image uploads", () => {
  it("recognises PNG, JPEG and WebP by their bytes", async () => {
    expect(sniffImageFormat(await image("png"))).toBe("png");
    expect(sniffImageFormat(await image("jpeg"))).toBe("jpeg");
    expect(sniffImageFormat(await image("webp"))).toBe("webp");
    expect(sniffImageFormat(new TextEncoder().encode("GIF89a......"))).toBeNull();
  });

  it("refuses a non-image whatever its name says (415)", async () => {
    const text = new TextEncoder().encode("#!/bin/sh\necho not an image\n");
    await expect(checkImageBytes(text)).rejects.toMatchObject({ code: "input:unsupported_type" });
    await expect(checkImageBytes(new Uint8Array())).rejects.toMatchObject({ code: "input:unsupported_type" });
    // a PNG signature followed by garbage
    const fake = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6]);
    await expect(checkImageBytes(fake)).rejects.toMatchObject({
      code: "input:unsupported_type",
      message: expect.stringMatching(/cannot be read/),
    });
  });

  it("refuses a file over the size limit (413), before reading it when the length is declared", async () => {
    const big = new Uint8Array(MAX_UPLOAD_BYTES + 1);
    big.set([0xff, 0xd8, 0xff]);
    await expect(checkImageBytes(big)).rejects.toMatchObject({ code: "input:too_large" });
    const request = new Request("http://x/", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(MAX_UPLOAD_BYTES * 2) },
      body: "--x--",
    });
    await expect(readUploadedFile(request)).rejects.toMatchObject({ code: "input:too_large" });
  });

  it("stores under a generated name whatever the client's file name (../, NUL, very long)", async () => {
    for (const name of ["../../etc/passwd.png", "a\u0000b.png", `${"x".repeat(5000)}.png`, "/abs/evil.jpg"]) {
      const bytes = await readUploadedFile(multipart(await image("png"), name));
      const stored = await storeUploadedImage(bytes);
      expect(stored.name).toMatch(/^[0-9a-f-]{36}\.png$/);
      expect(stored.file).toBe(`images/${stored.name}`);
      expect(await uploadPath(stored.name)).toBe(path.join(uploadsDir(), stored.name));
    }
    expect(readdirSync(uploadsDir()).every((f) => /^[0-9a-f-]{36}\.png$/.test(f))).toBe(true);
    expect(existsSync(path.join(root, "..", "etc"))).toBe(false);
  });

  it("re-encodes: metadata is dropped and the EXIF orientation applied", async () => {
    const rotated = await sharp({ create: { width: 80, height: 40, channels: 3, background: "#ff0000" } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const stored = await storeUploadedImage(rotated);
    expect([stored.width, stored.height]).toEqual([40, 80]);
    const meta = await sharp(readFileSync(path.join(uploadsDir(), stored.name))).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1, meta.exif]).toEqual([40, 80, 1, undefined]);
  });

  it("only maps generated names back to uploads", async () => {
    expect(await uploadPath("../mmcb.db")).toBeNull();
    expect(await uploadPath("00000000-0000-0000-0000-000000000000.png")).toBeNull();
    expect(uploadNameOf("images/00000000-0000-0000-0000-000000000000.png")).toBe(
      "00000000-0000-0000-0000-000000000000.png",
    );
    expect(uploadNameOf("images/../x.png")).toBeNull();
    expect(uploadNameOf("scene.png")).toBeNull();
  });

  it("asks for multipart with a file field", async () => {
    const json = new Request("http://x/", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    await expect(readUploadedFile(json)).rejects.toMatchObject({ code: "input:invalid" });
    const form = new FormData();
    form.set("other", "text");
    const noFile = new Request("http://x/", { method: "POST", body: form });
    await expect(readUploadedFile(noFile)).rejects.toMatchObject({ code: "input:invalid" });
  });
});
