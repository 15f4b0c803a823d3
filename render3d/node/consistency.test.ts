/**
 * Every rendered bundled scenario agrees with its render.json (its visual attributes re-derived from the stored
 * models and measured visibility), and the validator rejects a planted contradiction and a missing render.json.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateScenarioDocument, type Scenario } from "@/core/scenario";
import { renderConsistencyIssues } from "@/core/scenario/render-annotations";

const ROOT = path.resolve(__dirname, "..", "..", "scenarios");
const rendered = readdirSync(ROOT).filter((id) => {
  const f = path.join(ROOT, id, "scenario.json");
  return existsSync(f) && (JSON.parse(readFileSync(f, "utf8")) as Scenario).source.kind === "rendered";
});

function load(id: string): { doc: Scenario; render: unknown } {
  return {
    doc: JSON.parse(readFileSync(path.join(ROOT, id, "scenario.json"), "utf8")) as Scenario,
    render: JSON.parse(readFileSync(path.join(ROOT, id, "render.json"), "utf8")) as unknown,
  };
}

describe("rendered scenarios", () => {
  it("are every bundled scenario", () => {
    expect(rendered).toContain("garage-paint-tin-lid");
    expect(rendered.length).toBe(
      readdirSync(ROOT).filter((id) => existsSync(path.join(ROOT, id, "scenario.json"))).length,
    );
  });

  it.each(rendered)("%s: every visual attribute agrees with render.json", (id) => {
    const { doc, render } = load(id);
    expect(renderConsistencyIssues(doc, render)).toEqual([]);
    const v = validateScenarioDocument(doc, { file: id, folderName: id, renderJson: { status: "ok", data: render } });
    expect(v.issues).toEqual([]);
  });

  it("the validator rejects a planted contradiction and a non-visual derived attribute", () => {
    const { doc, render } = load("garage-paint-tin-lid");
    const planted = structuredClone(doc);
    const coin = planted.entities.find((e) => e.id === "coin")!;
    const rim = coin.parts.find((p) => p.id === "rim")!;
    const material = rim.attributes.find((a) => a.name === "material")!;
    material.value = "wood";
    const thickness = rim.attributes.find((a) => a.name === "thickness")!;
    (thickness as { visual: boolean }).visual = false;
    const v = validateScenarioDocument(planted, {
      file: "x/scenario.json",
      folderName: "garage-paint-tin-lid",
      renderJson: { status: "ok", data: render },
    });
    const ei = planted.entities.indexOf(coin);
    const pi = coin.parts.indexOf(rim);
    const msgs = v.issues.map((i) => `${i.path}: ${i.message}`);
    expect(msgs).toContain(
      `entities[${ei}].parts[${pi}].attributes[${rim.attributes.indexOf(material)}].value: material "wood" contradicts render.json, which gives "metal"`,
    );
    expect(msgs.some((m) => m.includes("thickness is derived from the render, so it must be visual"))).toBe(true);
    expect(v.scenario).toBeNull();
  });

  it("the validator rejects a rendered scenario without render.json, and a model that lost a part", () => {
    const { doc, render } = load("garage-paint-tin-lid");
    const missing = validateScenarioDocument(doc, {
      file: "x",
      folderName: "garage-paint-tin-lid",
      renderJson: { status: "missing", reason: "render.json does not exist" },
    });
    expect(missing.issues.map((i) => i.message)).toEqual([
      "a rendered scenario needs a readable render.json next to scenario.json (render.json does not exist)",
    ]);
    const broken = structuredClone(render) as { entities: Record<string, { model: { meshes: { part: string }[] } }> };
    broken.entities.spoon!.model.meshes = broken.entities.spoon!.model.meshes.filter((m) => m.part !== "bowl");
    expect(renderConsistencyIssues(doc, broken).map((i) => i.message)).toContain(
      'part "spoon/bowl" has no mesh in its render.json model',
    );
  });
});
