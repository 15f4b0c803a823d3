/**
 * Response cache keyed on the full request (model, messages with their images, tools, sampling…): a
 * re-run of the same configuration costs nothing. One JSON file per response under the data folder,
 * written atomically. The key is a hash of the request body — which never holds the API key.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { canonicalJson } from "@/core/run";

export class ResponseCache {
  constructor(private readonly dir: string) {}

  /** The cache key of a request body. */
  static key(body: unknown): string {
    return createHash("sha256").update(canonicalJson(body)).digest("hex");
  }

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get<T>(key: string): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.file(key), "utf8")) as T;
    } catch {
      return null;
    }
  }

  async set(key: string, value: unknown): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, file);
  }
}
