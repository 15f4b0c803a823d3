/**
 * ModelSpec → three.js: one Group per object, one Mesh per MeshSpec named after its KB part (`mesh.name` and
 * `userData.part`), PBR materials with procedural textures, and the visible states (bent, wet droplets, dirt,
 * cracks).
 */
import * as THREE from "three";
import { RoundedBoxGeometry } from "three/addons/geometries/RoundedBoxGeometry.js";
import type { Geometry, MeshSpec, ModelSpec } from "../model/types";
import { rng, textureSet } from "./textures";

const DEG = Math.PI / 180;

export function buildGeometry(g: Geometry): THREE.BufferGeometry {
  switch (g.kind) {
    case "box":
      return g.bevel && g.bevel > 0
        ? new RoundedBoxGeometry(g.size[0], g.size[1], g.size[2], 3, Math.min(g.bevel, Math.min(...g.size) / 2 - 1e-3))
        : new THREE.BoxGeometry(g.size[0], g.size[1], g.size[2]);
    case "cylinder":
      return new THREE.CylinderGeometry(g.radiusTop, g.radiusBottom, g.height, g.segments ?? 48, 1);
    case "sphere": {
      const geo = new THREE.SphereGeometry(g.radius, 48, 32);
      if (g.scale) geo.scale(g.scale[0], g.scale[1], g.scale[2]);
      return geo;
    }
    case "torus":
      return new THREE.TorusGeometry(g.radius, g.tube, 24, 96, (g.arc ?? 360) * DEG);
    case "lathe":
      return new THREE.LatheGeometry(
        g.points.map(([r, y]) => new THREE.Vector2(r, y)),
        64,
      );
    case "extrude": {
      const shape = new THREE.Shape(g.shape.map(([x, y]) => new THREE.Vector2(x, y)));
      for (const h of g.holes ?? []) shape.holes.push(new THREE.Path(h.map(([x, y]) => new THREE.Vector2(x, y))));
      const bevel = Math.min(g.bevel ?? 0, g.depth / 2 - 1e-3);
      const geo = new THREE.ExtrudeGeometry(shape, {
        depth: bevel > 0 ? g.depth - 2 * bevel : g.depth,
        bevelEnabled: bevel > 0,
        bevelThickness: bevel,
        bevelSize: bevel,
        bevelSegments: 3,
        curveSegments: 16,
      });
      geo.translate(0, 0, -(bevel > 0 ? g.depth - 2 * bevel : g.depth) / 2);
      return geo;
    }
    case "tube": {
      const curve = new THREE.CatmullRomCurve3(
        g.path.map(([x, y, z]) => new THREE.Vector3(x, y, z)),
        g.closed ?? false,
        "centripetal",
      );
      return new THREE.TubeGeometry(curve, Math.max(32, g.path.length * 24), g.radius, 16, g.closed ?? false);
    }
  }
}

const POROUS = new Set(["wood", "fabric", "paper", "stone", "foam", "food"]);

function autoTexture(m: MeshSpec): string {
  if (m.texture && m.texture !== "auto") return m.texture;
  const finish = m.finish ?? "satin";
  switch (m.material) {
    case "metal":
      return finish === "brushed" ? "brushed" : finish === "textured" ? "knurl" : "none";
    case "wood":
      return "grain";
    case "fabric":
      return "weave";
    case "paper":
      return "paper";
    case "ceramic":
      return "glaze";
    case "glass":
      return "none";
    default:
      return m.material;
  }
}

function roughnessOf(m: MeshSpec): number {
  const f = m.finish ?? "satin";
  const base: Record<string, number> = {
    metal: 0.28,
    wood: 0.6,
    plastic: 0.38,
    glass: 0.04,
    fabric: 0.95,
    paper: 0.88,
    rubber: 0.82,
    ceramic: 0.18,
    foam: 0.98,
    stone: 0.85,
    food: 0.55,
  };
  const k: Record<string, number> = {
    polished: 0.35,
    gloss: 0.45,
    satin: 1,
    brushed: 1.3,
    matte: 1.6,
    rough: 1.9,
    textured: 1.3,
    tacky: 0.3,
  };
  return Math.min(1, (base[m.material] ?? 0.5) * (k[f] ?? 1));
}

/** A PBR material for one mesh. */
export function buildMaterial(
  m: MeshSpec,
  states: ModelSpec["states"],
  seed: number,
  uvScale: number,
): THREE.MeshPhysicalMaterial {
  const kind = autoTexture(m);
  const wet = states.wet;
  let colour = m.colour;
  if (wet && POROUS.has(m.material)) colour = `#${new THREE.Color(m.colour).multiplyScalar(0.72).getHexString()}`;
  const tex = textureSet(kind, colour, { dirty: states.dirty, cracked: states.cracked, seed });
  const mat = new THREE.MeshPhysicalMaterial({
    color: 0xffffff,
    map: tex.map,
    metalness: m.material === "metal" ? 1 : 0,
    roughness: roughnessOf(m),
    side: m.geometry.kind === "lathe" ? THREE.DoubleSide : THREE.FrontSide,
  });
  for (const t of [tex.map, tex.bump, tex.rough]) if (t) t.repeat.set(uvScale, uvScale);
  if (tex.bump) {
    mat.bumpMap = tex.bump;
    mat.bumpScale = tex.bumpScale ?? 1;
  }
  if (tex.rough) mat.roughnessMap = tex.rough;
  if (m.material === "metal") mat.color = new THREE.Color(1, 1, 1);
  if (m.material === "glass" || (m.transmission ?? 0) > 0) {
    mat.transmission = m.transmission ?? 0.95;
    mat.thickness = 2;
    mat.ior = 1.5;
    mat.map = null;
    mat.color = new THREE.Color(m.colour);
  }
  if (m.finish === "tacky") {
    // adhesive: a thin wet-looking coat over the base colour
    mat.clearcoat = 1;
    mat.clearcoatRoughness = 0.2;
    mat.sheen = 0.4;
  }
  if (m.material === "ceramic" || m.finish === "gloss" || m.finish === "polished") {
    mat.clearcoat = m.material === "metal" ? 0 : 0.8;
    mat.clearcoatRoughness = 0.08;
  }
  if (m.material === "fabric") {
    mat.sheen = 1;
    mat.sheenRoughness = 0.6;
    mat.sheenColor = new THREE.Color(m.colour).multiplyScalar(1.2);
  }
  if (wet) {
    mat.clearcoat = 1;
    mat.clearcoatRoughness = 0.03;
    mat.roughness = mat.roughness * 0.45;
  }
  return mat;
}

/** How many texture tiles across a mesh: extrude UVs are in mm, others span 0..1 over the mesh. */
function uvScaleOf(m: MeshSpec, geo: THREE.BufferGeometry): number {
  if (m.geometry.kind === "extrude") return 1 / 40;
  geo.computeBoundingBox();
  const s = new THREE.Vector3();
  geo.boundingBox!.getSize(s);
  return Math.max(1, Math.min(6, Math.max(s.x, s.y, s.z) / 60));
}

/** Builds the object's group: meshes in the model frame, bent if asked, resting on y = 0 centred at x = z = 0. */
export function buildObject(model: ModelSpec, seed = 1): THREE.Group {
  const group = new THREE.Group();
  group.name = model.object;
  model.meshes.forEach((m, i) => {
    const geo = buildGeometry(m.geometry);
    const mesh = new THREE.Mesh(geo, buildMaterial(m, model.states, seed + i, uvScaleOf(m, geo)));
    mesh.name = m.part ?? "";
    mesh.userData.part = m.part;
    // clear glass: what is behind it is seen through it, and the ID pass counts it so (see main.ts)
    mesh.userData.seeThrough = m.material === "glass" && (m.transmission ?? 0.95) >= 0.5;
    if (m.scale) mesh.scale.set(m.scale[0], m.scale[1], m.scale[2]);
    if (m.rotation) mesh.rotation.set(m.rotation[0] * DEG, m.rotation[1] * DEG, m.rotation[2] * DEG, "ZYX");
    if (m.position) mesh.position.set(m.position[0], m.position[1], m.position[2]);
    mesh.castShadow = true;
    mesh.receiveShadow = true;
    group.add(mesh);
  });
  if (model.states.bent > 0) bend(group, model.states.bent);
  // rest on y = 0, centred
  const box = new THREE.Box3().setFromObject(group);
  const c = new THREE.Vector3();
  box.getCenter(c);
  for (const child of group.children) child.position.sub(new THREE.Vector3(c.x, box.min.y, c.z));
  group.userData.offset = [c.x, box.min.y, c.z];
  if (model.states.wet) addDroplets(group, seed);
  return group;
}

/** Bends the whole object along its longest horizontal axis (ends rise). */
function bend(group: THREE.Group, degrees: number): void {
  group.updateMatrixWorld(true);
  const box = new THREE.Box3().setFromObject(group);
  const size = new THREE.Vector3();
  box.getSize(size);
  const alongX = size.x >= size.z;
  const L = alongX ? size.x : size.z;
  const mid = alongX ? (box.min.x + box.max.x) / 2 : (box.min.z + box.max.z) / 2;
  const c = Math.tan((degrees * DEG) / 2) / L;
  for (const child of group.children) {
    const mesh = child as THREE.Mesh;
    const geo = mesh.geometry.clone();
    geo.applyMatrix4(mesh.matrix);
    const pos = geo.attributes.position as THREE.BufferAttribute;
    for (let i = 0; i < pos.count; i++) {
      const u = (alongX ? pos.getX(i) : pos.getZ(i)) - mid;
      pos.setY(i, pos.getY(i) + c * u * u);
    }
    geo.computeVertexNormals();
    mesh.geometry = geo;
    mesh.position.set(0, 0, 0);
    mesh.rotation.set(0, 0, 0);
    mesh.scale.set(1, 1, 1);
  }
}

/** Water droplets on the upward surfaces (they take the part of the mesh they sit on). */
function addDroplets(group: THREE.Group, seed: number): void {
  group.updateMatrixWorld(true);
  const box = new THREE.Box3().setFromObject(group);
  const size = new THREE.Vector3();
  box.getSize(size);
  const r = rng(seed * 131 + 7);
  const ray = new THREE.Raycaster();
  const meshes = group.children.slice() as THREE.Mesh[];
  const drop = new THREE.MeshPhysicalMaterial({
    color: 0xffffff,
    transmission: 1,
    roughness: 0.02,
    ior: 1.33,
    thickness: 1,
    clearcoat: 1,
  });
  const base = Math.max(0.6, Math.min(3, Math.max(size.x, size.z) / 90));
  for (let i = 0; i < 70; i++) {
    const x = box.min.x + r() * size.x;
    const z = box.min.z + r() * size.z;
    ray.set(new THREE.Vector3(x, box.max.y + 10, z), new THREE.Vector3(0, -1, 0));
    const hit = ray.intersectObjects(meshes, false)[0];
    if (!hit || !hit.face) continue;
    const n = hit.face.normal.clone().transformDirection(hit.object.matrixWorld);
    if (n.y < 0.5) continue;
    const rad = base * (0.5 + r());
    const d = new THREE.Mesh(new THREE.SphereGeometry(rad, 16, 10), drop);
    d.scale.set(1, 0.55, 1);
    d.position.copy(hit.point).add(new THREE.Vector3(0, rad * 0.2, 0));
    d.name = (hit.object as THREE.Mesh).name;
    d.userData.part = (hit.object as THREE.Mesh).userData.part;
    d.userData.droplet = true;
    group.add(d);
  }
}
