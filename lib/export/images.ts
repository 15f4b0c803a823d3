/**
 * The export's `images/` folder: every image a record references is written once, named by the sha256 of
 * its bytes (`images/<sha256>.<ext>`), as it is first met. Scene images are the scenario's scene file;
 * entity and part views are rendered as the solver saw them (lib/images/views). Only the mapping from
 * (scenario content, image ref) to file name is kept in memory — one entry per distinct image.
 */
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { ImageRef } from "@/core/engine";
import { imageKey } from "@/core/export";
import { contentTypeOf, renderView } from "@/lib/images/views";
import { resolveInside, type LoadedScenario } from "@/lib/scenarios/load";

const EXTENSIONS: Record<string, string> = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" };

const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest("hex");

export class ImageFiles {
  private readonly paths = new Map<string, string>();
  private readonly written = new Set<string>();

  /**
   * @param dir the export's `images/` folder, or null for a dry run (paths are computed, nothing is
   *   rendered or written).
   */
  constructor(private readonly dir: string | null) {}

  /** Number of distinct image files written. */
  get count(): number {
    return this.written.size;
  }

  /** The relative path (`images/<sha256>.<ext>`) of an image of a scenario, writing the file if new. */
  async pathOf(loaded: LoadedScenario, ref: ImageRef): Promise<string> {
    const key = `${loaded.contentHash}|${imageKey(ref)}`;
    const known = this.paths.get(key);
    if (known) return known;
    let rel: string;
    if (this.dir === null) {
      rel = `images/${sha256(key)}.png`;
    } else {
      const { bytes, contentType } =
        ref.kind === "scene"
          ? {
              bytes: await readFile(resolveInside(loaded.dir, loaded.scenario.scene.image)),
              contentType: contentTypeOf(loaded.scenario.scene.image),
            }
          : await renderView(loaded, ref.entityId, ref.kind === "part" ? ref.partId : undefined);
      const hash = sha256(bytes);
      const file = `${hash}.${EXTENSIONS[contentType] ?? "png"}`;
      rel = `images/${file}`;
      if (!this.written.has(file)) {
        await writeFile(path.join(this.dir, file), bytes);
        this.written.add(file);
      }
    }
    this.paths.set(key, rel);
    return rel;
  }
}
