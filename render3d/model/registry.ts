/**
 * Every object model, by knowledge-base object id. Each batch of objects lives in its own file
 * `render3d/objects/<batch>.ts` exporting `MODELS_<BATCH>`; add the batch here. `buildModel` is how everything
 * else gets a model: it applies the generic `size` scale and checks the result.
 */
import { MODELS_EXAMPLES } from "../objects/examples";
import { MODELS_KITCHEN } from "../objects/kitchen";
import { MODELS_LARGE } from "../objects/large";
import { MODELS_SMALL } from "../objects/small";
import { scaleModel } from "./build";
import type { ModelSpec, ObjectModelFn, VariantParams } from "./types";
import { MATERIALS } from "./types";

/** The batches, merged; an object modelled in two batches is an error (one declaration per object). */
export function mergeBatches(
  batches: Readonly<Record<string, Readonly<Record<string, ObjectModelFn>>>>,
): Readonly<Record<string, ObjectModelFn>> {
  const merged: Record<string, ObjectModelFn> = {};
  const owner: Record<string, string> = {};
  for (const [batch, models] of Object.entries(batches)) {
    for (const [id, fn] of Object.entries(models)) {
      if (owner[id])
        throw new Error(`render3d: object "${id}" is modelled in both the ${owner[id]} and ${batch} batches`);
      owner[id] = batch;
      merged[id] = fn;
    }
  }
  return merged;
}

export const MODELS: Readonly<Record<string, ObjectModelFn>> = mergeBatches({
  examples: MODELS_EXAMPLES,
  small: MODELS_SMALL,
  kitchen: MODELS_KITCHEN,
  large: MODELS_LARGE,
});

/** Object ids that have a model. */
export function modelledObjects(): string[] {
  return Object.keys(MODELS).sort();
}

/** The ModelSpec of an object with variant parameters; throws a one-sentence error for an unknown object. */
export function buildModel(objectId: string, params: VariantParams = {}): ModelSpec {
  const fn = MODELS[objectId];
  if (!fn) throw new Error(`render3d: no 3D model for object "${objectId}" (add it to a render3d/objects/ batch)`);
  const model = scaleModel(fn(params), params.size ?? 1);
  checkModel(model);
  return model;
}

/** Throws a one-sentence error when a model breaks the rules (bad material, colour or dimension). */
export function checkModel(model: ModelSpec): void {
  if (model.meshes.length === 0) throw new Error(`render3d: model "${model.object}" has no meshes`);
  model.meshes.forEach((m, i) => {
    const where = `render3d: model "${model.object}" mesh ${i} (${m.part ?? "no part"})`;
    if (!(MATERIALS as readonly string[]).includes(m.material))
      throw new Error(`${where}: material "${m.material}" is not in the vocabulary`);
    if (!/^#[0-9a-f]{6}$/i.test(m.colour)) throw new Error(`${where}: colour "${m.colour}" is not #rrggbb`);
    const nums = JSON.stringify(m.geometry).match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? [];
    if (nums.some((n) => !Number.isFinite(Number(n)))) throw new Error(`${where}: geometry has a non-finite number`);
  });
}
