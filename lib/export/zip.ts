/**
 * A small streaming zip writer (STORE method, no compression — JSONL compresses well, but PNGs do not
 * and the point is a download that starts at once with flat memory). Files are streamed from disk in
 * chunks: a first pass computes each file's CRC-32, the second writes it after its local header, so the
 * headers carry exact sizes and CRCs (no data descriptors — every unzip tool accepts the result). Classic
 * zip limits apply: at most 65,535 entries and 4 GiB per file and archive; beyond that it refuses with a
 * sentence rather than writing a broken archive.
 */
import { createReadStream } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { MmcbError } from "@/core/errors";

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (IEEE 802.3, as zip uses) of `data`, continuing from `crc` (0 to start). */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function fileCrc(file: string): Promise<number> {
  let crc = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 16 })) crc = crc32(chunk as Buffer, crc);
  return crc;
}

/** DOS date and time of a Date (local time, 2-second resolution, 1980 at the earliest). */
function dosDateTime(d: Date): { date: number; time: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
  };
}

/** Every file under `dir`, as paths relative to it with `/` separators, sorted. */
export async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(path.join(dir, prefix), { withFileTypes: true })).sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else if (e.isFile()) out.push(rel);
  }
  return out;
}

const LIMIT = 0xffffffff;
const tooLarge = () =>
  new MmcbError(
    "io:failed",
    "this export is too large for a zip download (over 4 GiB or 65,535 files); copy its folder instead",
  );

/**
 * The zip archive of every file under `dir`, as chunks. Entry names are prefixed with `root/` when given.
 */
export async function* zipFolder(dir: string, root?: string): AsyncGenerator<Uint8Array> {
  const files = await listFiles(dir);
  if (files.length > 0xffff) throw tooLarge();
  const central: Buffer[] = [];
  let offset = 0;
  for (const rel of files) {
    const absolute = path.join(dir, rel);
    const info = await stat(absolute);
    if (info.size > LIMIT) throw tooLarge();
    const crc = await fileCrc(absolute);
    const name = Buffer.from(root ? `${root}/${rel}` : rel, "utf8");
    const { date, time } = dosDateTime(info.mtime);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(0, 8); // method: STORE
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(info.size, 18);
    local.writeUInt32LE(info.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    yield local;
    yield name;
    let written = 0;
    for await (const chunk of createReadStream(absolute, { highWaterMark: 1 << 16 })) {
      written += (chunk as Buffer).length;
      yield chunk as Buffer;
    }
    if (written !== info.size) throw new MmcbError("io:failed", `${rel} changed while it was being zipped`);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(0x031e, 4); // made by: Unix, 3.0
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(0, 10);
    entry.writeUInt16LE(time, 12);
    entry.writeUInt16LE(date, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(info.size, 20);
    entry.writeUInt32LE(info.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(0, 30); // extra
    entry.writeUInt16LE(0, 32); // comment
    entry.writeUInt16LE(0, 34); // disk
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE(((0o100644 << 16) >>> 0) as number, 38); // external: regular file rw-r--r--
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + info.size;
    if (offset > LIMIT) throw tooLarge();
  }
  const directory = Buffer.concat(central);
  yield directory;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  yield end;
}

/** A web ReadableStream of a folder's zip (for route handlers); cancelling stops reading files. */
export function zipStream(dir: string, root?: string): ReadableStream<Uint8Array> {
  const chunks = zipFolder(dir, root);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
