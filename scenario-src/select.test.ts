import { describe, expect, it } from "vitest";
import { MODELS } from "@/render3d/model/registry";
import { allObjects } from "./objects";
import { SCENARIO_SPECS } from "./scenarios";
import { sampleableObjects, selectSpecs } from "./select";

describe("render-scenarios' selection of specs", () => {
  it("renders every bundled spec into scenarios/ by default, or the --only ones", () => {
    expect(selectSpecs({})).toEqual({ specs: SCENARIO_SPECS, out: "scenarios", sampled: false });
    const only = selectSpecs({ only: ["kitchen-parcel-tape", "bathroom-splinter"], out: "/tmp/x" });
    expect(only.specs.map((s) => s.id).sort()).toEqual(["bathroom-splinter", "kitchen-parcel-tape"]);
    expect(only.out).toBe("/tmp/x");
  });

  it("samples --sample specs with --seed into data/sampled/, the same seed giving the same specs", () => {
    const a = selectSpecs({ sample: "3", seed: "7" });
    expect(a.sampled).toBe(true);
    expect(a.out).toBe("data/sampled");
    expect(a.specs.map((s) => s.id)).toHaveLength(3);
    for (const s of a.specs) expect(s.id).toMatch(/^sampled-7-0[1-3]-/);
    expect(selectSpecs({ sample: "3", seed: "7", out: "/tmp/sampled" })).toEqual({ ...a, out: "/tmp/sampled" });
    expect(selectSpecs({ sample: "3", seed: "8" }).specs).not.toEqual(a.specs);
    const kitchenMixed = selectSpecs({ sample: "4", seed: "2", tier: "mixed", setting: "kitchen" }).specs;
    expect(new Set(kitchenMixed.map((s) => `${s.setting}/${s.distractorSimilarity}`))).toEqual(
      new Set(["kitchen/mixed"]),
    );
  });

  it("samples only objects that have a 3D model (today: the whole knowledge base)", () => {
    expect(sampleableObjects().map((o) => o.id)).toEqual(allObjects().map((o) => o.id));
    for (const seed of [1, 7, 42]) {
      for (const spec of selectSpecs({ sample: "20", seed: String(seed) }).specs)
        for (const e of spec.entities) expect(Object.hasOwn(MODELS, e.object), `${spec.id}: ${e.object}`).toBe(true);
    }
  });

  it("refuses bad flags and combinations with one sentence", () => {
    const refused = (flags: Parameters<typeof selectSpecs>[0]) => {
      try {
        selectSpecs(flags);
      } catch (e) {
        return (e as Error).message;
      }
      throw new Error("accepted");
    };
    expect(refused({ sample: "2" })).toBe("--sample needs --seed <integer>");
    expect(refused({ sample: "2", seed: "1", only: ["kitchen-parcel-tape"] })).toBe(
      "--only selects bundled scenarios; it cannot be combined with --sample",
    );
    for (const flags of [{ seed: "1" }, { tier: "mixed" }, { setting: "kitchen" }])
      expect(refused(flags)).toBe("--seed, --tier and --setting need --sample");
    expect(refused({ only: ["nope", "kitchen-parcel-tape", "nada"] })).toBe(
      '--only: no bundled scenario "nope", "nada"',
    );
    expect(refused({ sample: "0", seed: "1" })).toMatch(/^--sample: /);
    expect(refused({ sample: "two", seed: "1" })).toMatch(/^--sample: /);
    expect(refused({ sample: "1.5", seed: "1" })).toBe("--sample: expected a whole number from 1 to 10000");
    expect(refused({ sample: "1", seed: "-3" })).toBe("--seed: expected a whole number from 0 to 4294967295");
    expect(refused({ out: "" })).toBe("--out: expected a folder");
    expect(refused({ sample: "1", seed: "1", tier: "hard" })).toMatch(/^--tier: .*"dissimilar"/);
    expect(refused({ sample: "1", seed: "1", setting: "moon" })).toMatch(/^--setting: .*"kitchen"/);
    for (const message of [refused({ sample: "0", seed: "1" }), refused({ sample: "1", seed: "1", tier: "hard" })])
      expect(message.split("\n")).toHaveLength(1);
  });
});
