import { beforeAll, describe, expect, it } from "vitest";
import { formatIssue } from "@/core/errors";
import { regionBounds, validateScenarioText, type ImageProbe, type Region } from "@/core/scenario";
import { allObjects, objectById } from "@/scenario-src/objects";
import { SCENARIO_SPECS } from "@/scenario-src/scenarios";
import { buildScenario, type BuiltScenario } from "./build";
import { relBounds, relContains } from "./geometry";
import { iconAlpha } from "./icons";

type Size = { width: number; height: number };
const built = new Map<string, { scenario: BuiltScenario; sizes: ReadonlyMap<string, Size> }>();

// Layout and annotation only (`render: false`): the images' sizes come from the build; `build.test.ts`
// renders a sample and checks the real files against the committed ones.
beforeAll(async () => {
  for (const spec of SCENARIO_SPECS) {
    const scenario = await buildScenario(spec, objectById, { render: false });
    built.set(spec.id, { scenario, sizes: scenario.imageSizes });
  }
}, 120_000);

function inside(region: Region, size: Size): boolean {
  const b = regionBounds(region);
  return b.x >= 0 && b.y >= 0 && b.w > 0 && b.h > 0 && b.x + b.w <= size.width && b.y + b.h <= size.height;
}

describe.each(SCENARIO_SPECS.map((s) => s.id))("generated scenario %s", (id) => {
  const get = () => built.get(id)!;

  it("passes the core scenario validator, images included", () => {
    const { scenario, sizes } = get();
    const probe = (file: string): ImageProbe => {
      const size = sizes.get(file);
      return size ? { status: "ok", ...size } : { status: "missing" };
    };
    const text = scenario.files.get("scenario.json")!.toString("utf8");
    const result = validateScenarioText(text, {
      file: `scenarios/${id}/scenario.json`,
      folderName: id,
      probeImage: probe,
    });
    expect(result.issues.map(formatIssue)).toEqual([]);
  });

  it("declares the real scene size and keeps every region inside its image", () => {
    const { scenario, sizes } = get();
    const doc = scenario.scenario;
    expect(sizes.get(doc.scene.image)).toEqual({ width: doc.scene.width, height: doc.scene.height });
    for (const entity of doc.entities) {
      expect(inside(entity.region, sizes.get(doc.scene.image)!), `${entity.id} region`).toBe(true);
      const space = sizes.get(entity.view ?? doc.scene.image);
      expect(space, `${entity.id} view image`).toBeDefined();
      for (const part of entity.parts) {
        expect(inside(part.region, space!), `${entity.id}/${part.id} region`).toBe(true);
        if (part.view) expect(sizes.has(part.view), `${entity.id}/${part.id} view`).toBe(true);
      }
    }
  });

  it("puts scene-space part regions inside their entity's region", () => {
    for (const entity of get().scenario.scenario.entities.filter((e) => !e.view)) {
      const e = regionBounds(entity.region);
      for (const part of entity.parts) {
        const p = regionBounds(part.region);
        const slack = 0.08 * Math.max(e.w, e.h);
        expect(p.x >= e.x - slack && p.y >= e.y - slack, `${entity.id}/${part.id}`).toBe(true);
        expect(p.x + p.w <= e.x + e.w + slack && p.y + p.h <= e.y + e.h + slack, `${entity.id}/${part.id}`).toBe(true);
      }
    }
  });

  it("has non-overlapping entities with at least two parts each", () => {
    const entities = get().scenario.scenario.entities;
    expect(entities.length).toBeGreaterThanOrEqual(4);
    expect(entities.length).toBeLessThanOrEqual(9);
    for (const e of entities) expect(e.parts.length, e.id).toBeGreaterThanOrEqual(2);
    for (const [i, a] of entities.entries()) {
      for (const b of entities.slice(i + 1)) {
        const ra = regionBounds(a.region);
        const rb = regionBounds(b.region);
        const overlap = ra.x < rb.x + rb.w && rb.x < ra.x + ra.w && ra.y < rb.y + rb.h && rb.y < ra.y + ra.h;
        expect(overlap, `${a.id} vs ${b.id}`).toBe(false);
      }
    }
  });

  it("lists affordance-similar parts as its tier requires", () => {
    const doc = get().scenario.scenario;
    const goldEntities = new Set(doc.gold.map((g) => g.entity));
    const withSimilar = new Set((doc.similar ?? []).map((s) => s.entity).filter((e) => !goldEntities.has(e)));
    const distractors = doc.entities.filter((e) => !goldEntities.has(e.id));
    if (doc.distractorSimilarity === "dissimilar") expect([...withSimilar]).toEqual([]);
    if (doc.distractorSimilarity === "mixed") {
      expect(withSimilar.size).toBeGreaterThan(0);
      expect(withSimilar.size).toBeLessThan(distractors.length);
    }
    if (doc.distractorSimilarity === "similar") expect(withSimilar.size).toBeGreaterThanOrEqual(2);
  });
});

describe("the scenario set", () => {
  const docs = () => [...built.values()].map((b) => b.scenario.scenario);

  it("covers at least six settings and all three tiers", () => {
    expect(new Set(docs().map((d) => d.setting)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(docs().map((d) => d.distractorSimilarity))).toEqual(new Set(["dissimilar", "mixed", "similar"]));
  });

  it("exercises both view paths: crop-only entities exist, and each scenario has one or two part views", () => {
    const noViews = docs().filter((d) => d.entities.every((e) => !e.view));
    expect(noViews.map((d) => d.id)).toContain("kitchen-parcel-tape");
    expect(
      docs().filter((d) => d.entities.some((e) => !e.view) && d.entities.some((e) => e.view)).length,
    ).toBeGreaterThan(3);
    for (const d of docs()) {
      const partViews = d.entities.flatMap((e) => e.parts.filter((p) => p.view));
      expect(partViews.length, d.id).toBeGreaterThanOrEqual(1);
      expect(partViews.length, d.id).toBeLessThanOrEqual(2);
    }
  });
});

describe("object knowledge base", () => {
  const SIZE = 160;

  it.each(allObjects().map((o) => [o.id, o] as const))(
    "%s: part regions lie in the icon box and cover its artwork",
    async (_id, object) => {
      expect(object.parts.length).toBeGreaterThanOrEqual(2);
      expect(new Set(object.parts.map((p) => p.id)).size).toBe(object.parts.length);
      const alpha = await iconAlpha(object.icon, SIZE);
      for (const part of object.parts) {
        const b = relBounds(part.region);
        expect(b.x >= 0 && b.y >= 0 && b.x + b.w <= 1 && b.y + b.h <= 1, `${part.id} inside the icon box`).toBe(true);
        let total = 0;
        let opaque = 0;
        for (let y = 0; y < SIZE; y++) {
          for (let x = 0; x < SIZE; x++) {
            if (!relContains(part.region, (x + 0.5) / SIZE, (y + 0.5) / SIZE)) continue;
            total++;
            if (alpha[y * SIZE + x]! > 64) opaque++;
          }
        }
        expect(total, `${part.id} has an area`).toBeGreaterThan(0);
        expect(opaque / total, `${part.id}: share of the region that is drawn`).toBeGreaterThanOrEqual(0.35);
      }
    },
  );
});
