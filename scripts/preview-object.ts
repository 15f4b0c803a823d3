/**
 * Renders ONE object model to PNGs for a quick look: its entity view, the entity view with its part polygons
 * drawn over it (from the ID pass), and a close-up view of every part, plus the annotations derived from the
 * model. Usage:
 *   npx tsx scripts/preview-object.ts <object-id> [--params '{"wet":true}'] [--out DIR]
 * Default DIR: /tmp/mmcb-preview/<object-id>/.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deriveAttributes, partFacts } from "@/core/scenario/render-annotations";
import { buildModel, modelledObjects } from "@/render3d/model/registry";
import type { VariantParams } from "@/render3d/model/types";
import { startRenderer } from "@/render3d/node/renderer";
import { drawPolygons, renderEntityView, renderPartView } from "@/render3d/node/views";

function fail(msg: string): never {
  process.stderr.write(`preview-object: ${msg}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const id = args.find((a, i) => !a.startsWith("--") && !(args[i - 1] ?? "").startsWith("--"));
  if (!id) fail(`name an object id; modelled objects: ${modelledObjects().join(", ")}`);
  const pi = args.indexOf("--params");
  let params: VariantParams = {};
  if (pi >= 0) {
    try {
      params = JSON.parse(args[pi + 1] ?? "") as VariantParams;
    } catch {
      fail(`--params is not valid JSON: ${args[pi + 1] ?? "(missing)"}`);
    }
  }
  const oi = args.indexOf("--out");
  const out = oi >= 0 ? path.resolve(args[oi + 1] ?? "") : path.join("/tmp/mmcb-preview", id);
  let model;
  try {
    model = buildModel(id, params);
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  mkdirSync(out, { recursive: true });
  const r = await startRenderer();
  try {
    const t0 = Date.now();
    const ev = await renderEntityView(r, model);
    writeFileSync(path.join(out, "entity.png"), ev.png);
    writeFileSync(
      path.join(out, "entity-parts.png"),
      await drawPolygons(
        ev.png,
        ev.parts.map((p) => ({ label: p.part, polygon: p.polygon })),
      ),
    );
    console.log(`entity view ${ev.ms} ms → ${path.join(out, "entity.png")} (+ entity-parts.png)`);
    for (const f of partFacts(model)) {
      const pv = await renderPartView(r, model, f.part);
      const file = path.join(out, `part-${f.part}.png`);
      writeFileSync(file, pv.png);
      const attrs = deriveAttributes(f, model.states.wet)
        .map((a) => `${a.name}=${Array.isArray(a.value) ? a.value.join("|") : a.value}`)
        .join(" ");
      const seen = ev.parts.find((p) => p.part === f.part);
      console.log(
        `part ${f.part}: ${pv.ms} ms → ${file}\n  dims ${f.dimsMm.join("×")} mm, thickness ${f.thicknessMm} mm; ${attrs}` +
          (seen ? `; ${seen.pixels} px in the entity view` : "; NOT VISIBLE in the entity view"),
      );
    }
    console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } finally {
    await r.close();
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
