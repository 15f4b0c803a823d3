import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crc32, listFiles, zipFolder, zipStream } from "./zip";

let root: string;
let folder: string;
beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), "mmcb-zip-"));
  folder = path.join(root, "export");
  mkdirSync(path.join(folder, "images"), { recursive: true });
  writeFileSync(path.join(folder, "train.jsonl"), '{"a":1}\n'.repeat(20_000)); // larger than one read chunk
  writeFileSync(path.join(folder, "README.md"), "# card — ünïcode\n");
  writeFileSync(path.join(folder, "images", "ab.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]));
  writeFileSync(path.join(folder, "empty.jsonl"), "");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function zipTo(file: string, dirPath: string, prefix?: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const c of zipFolder(dirPath, prefix)) chunks.push(c);
  const bytes = Buffer.concat(chunks);
  writeFileSync(file, bytes);
  return bytes;
}

describe("crc32", () => {
  it("matches the standard check value and zlib, also in pieces", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    const data = readFileSync(path.join(folder, "train.jsonl"));
    expect(crc32(data)).toBe(zlib.crc32(data));
    expect(crc32(data.subarray(1000), crc32(data.subarray(0, 1000)))).toBe(zlib.crc32(data));
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });
});

describe("zip writer", () => {
  it("writes an archive unzip accepts, with every file and its exact bytes", async () => {
    const file = path.join(root, "a.zip");
    await zipTo(file, folder, "my-export");
    const test = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
    expect(test.stdout).toContain("No errors detected");
    expect(test.status).toBe(0);
    const list = spawnSync("unzip", ["-Z1", file], { encoding: "utf8" }).stdout.trim().split("\n");
    expect(list).toEqual([
      "my-export/empty.jsonl",
      "my-export/images/ab.png",
      "my-export/README.md",
      "my-export/train.jsonl",
    ]);
    for (const rel of await listFiles(folder)) {
      const out = spawnSync("unzip", ["-p", file, `my-export/${rel}`]);
      expect(Buffer.compare(out.stdout, readFileSync(path.join(folder, rel)))).toBe(0);
    }
  });

  it("stores sizes and CRCs in the headers (no data descriptors)", async () => {
    const bytes = await zipTo(path.join(root, "b.zip"), folder);
    expect(bytes.readUInt32LE(0)).toBe(0x04034b50);
    expect(bytes.readUInt16LE(6) & 0x0008).toBe(0);
    const end = bytes.subarray(bytes.length - 22);
    expect(end.readUInt32LE(0)).toBe(0x06054b50);
    expect(end.readUInt16LE(10)).toBe(4);
    const info = spawnSync("zipinfo", ["-v", path.join(root, "b.zip")], { encoding: "utf8" }).stdout;
    expect(info).toContain("compression method:                             none (stored)");
  });

  it("streams as a web ReadableStream", async () => {
    const reader = zipStream(folder).getReader();
    let size = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      size += value.length;
    }
    expect(size).toBe((await zipTo(path.join(root, "c.zip"), folder)).length);
  });

  it("zips an empty folder to a valid empty archive", async () => {
    const empty = path.join(root, "nothing");
    mkdirSync(empty);
    const bytes = await zipTo(path.join(root, "d.zip"), empty);
    expect(bytes.length).toBe(22);
    expect(bytes.readUInt32LE(0)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(10)).toBe(0);
    expect(spawnSync("unzip", ["-l", path.join(root, "d.zip")], { encoding: "utf8" }).stderr).toContain(
      "zipfile is empty",
    );
  });
});
