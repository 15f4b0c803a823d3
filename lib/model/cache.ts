/**
 * Response cache keyed on the full request (model, messages with their images, tools, sampling…): a
 * re-run of the same configuration costs nothing. One JSON file per response under the data folder,
 * written atomically. The key is a hash of the request body — which never holds the API key — with each
 * image named by its content (scenario hash, view, size) instead of its base64 bytes (see openai-solver).
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

  private readonly pending = new Set<Promise<void>>();

  /**
   * Writes in the background (the caller does not wait for the disk); a failed write only costs a miss
   * later. `flush()` waits for every write started so far.
   */
  setInBackground(key: string, value: unknown): void {
    const write = this.set(key, value).catch(() => undefined);
    this.pending.add(write);
    void write.then(() => this.pending.delete(write));
  }

  /** Waits for the background writes started so far. */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  async set(key: string, value: unknown): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, file);
  }
}
