import { describe, expect, it } from "vitest";
import { buildModel } from "../model/registry";
import { footprintOf, layout } from "./scenario";

describe("layout", () => {
  const objs = ["hammer", "wrench", "paintbrush", "coin", "key", "spoon"].map((id, i) => ({
    id,
    at: [100 + (i % 3) * 300, i < 3 ? 500 : 800] as const,
    model: buildModel(id),
  }));
  const placed = layout(objs);
  const rect = (id: string) => {
    const p = placed.find((q) => q.id === id)!;
    const [w, d] = footprintOf(objs.find((o) => o.id === id)!.model, p.yaw);
    return { x0: p.x - w / 2, x1: p.x + w / 2, z0: p.z - d / 2, z1: p.z + d / 2 };
  };
  it("places every entity once", () => expect(placed.map((p) => p.id).sort()).toEqual(objs.map((o) => o.id).sort()));
  it("keeps footprints apart (no interpenetration)", () => {
    for (const a of placed)
      for (const b of placed) {
        if (a.id >= b.id) continue;
        const ra = rect(a.id);
        const rb = rect(b.id);
        const overlap = ra.x0 < rb.x1 && rb.x0 < ra.x1 && ra.z0 < rb.z1 && rb.z0 < ra.z1;
        expect(overlap, `${a.id} and ${b.id} overlap`).toBe(false);
      }
  });
  it("puts the spec's back entities behind its front ones and keeps true scale", () => {
    expect(
      Math.max(...["hammer", "wrench", "paintbrush"].map((id) => placed.find((p) => p.id === id)!.z)),
    ).toBeLessThan(Math.min(...["coin", "key", "spoon"].map((id) => placed.find((p) => p.id === id)!.z)) + 1e-9);
    const [hw] = footprintOf(buildModel("hammer"), 0);
    const [cw] = footprintOf(buildModel("coin"), 0);
    expect(hw / cw).toBeGreaterThan(8);
  });
});
