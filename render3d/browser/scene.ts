/**
 * Settings: a surface and backdrop per setting (plus a few context props), and the neutral studio. The surface
 * top is y = 0; the backdrop wall stands behind (−Z). Props are built from the same MeshSpec data as objects.
 */
import * as THREE from "three";
import type { MeshSpec, ModelSpec } from "../model/types";
import { buildObject } from "./build";
import { textureSet } from "./textures";

interface Setting {
  surface: { colour: string; texture: string; roughness: number; metal?: boolean };
  wall: { colour: string; texture: string };
  props: MeshSpec[][];
}

const cyl = (r: number, h: number, colour: string, material: MeshSpec["material"], extra: Partial<MeshSpec> = {}) =>
  ({
    part: null,
    geometry: { kind: "cylinder", radiusTop: r, radiusBottom: r, height: h },
    material,
    colour,
    position: [0, h / 2, 0],
    ...extra,
  }) as MeshSpec;
const box = (x: number, y: number, z: number, colour: string, material: MeshSpec["material"]) =>
  ({
    part: null,
    geometry: { kind: "box", size: [x, y, z], bevel: 2 },
    material,
    colour,
    position: [0, y / 2, 0],
  }) as MeshSpec;

const SETTINGS: Record<string, Setting> = {
  kitchen: {
    surface: { colour: "#d9d4cc", texture: "stone", roughness: 0.35 },
    wall: { colour: "#e8efe9", texture: "glaze" },
    props: [[cyl(55, 160, "#f1ede4", "ceramic")], [box(300, 18, 200, "#b98a55", "wood")]],
  },
  garage: {
    surface: { colour: "#b58e5e", texture: "grain", roughness: 0.8 },
    wall: { colour: "#8c7a62", texture: "paper" },
    props: [[cyl(85, 110, "#3f6fb5", "metal")], [box(200, 80, 120, "#b03a2e", "metal")]],
  },
  workshop: {
    surface: { colour: "#8d8f91", texture: "brushed", roughness: 0.45, metal: true },
    wall: { colour: "#c9b48a", texture: "paper" },
    props: [[box(260, 60, 140, "#2f5e9e", "plastic")], [cyl(40, 120, "#d8a536", "metal")]],
  },
  garden: {
    surface: { colour: "#9a7350", texture: "grain", roughness: 0.85 },
    wall: { colour: "#4d7a3a", texture: "foam" },
    props: [[cyl(70, 120, "#b8643c", "ceramic")], [cyl(30, 90, "#6fa04a", "plastic")]],
  },
  bathroom: {
    surface: { colour: "#f4f4f2", texture: "glaze", roughness: 0.15 },
    wall: { colour: "#cfe2ea", texture: "glaze" },
    props: [[cyl(35, 150, "#e6e1f5", "plastic")], [box(150, 40, 110, "#8ec6d9", "fabric")]],
  },
  home_office: {
    surface: { colour: "#c29a6b", texture: "grain", roughness: 0.5 },
    wall: { colour: "#e9e4da", texture: "paper" },
    props: [[box(210, 25, 297, "#f5f5f0", "paper")], [cyl(40, 100, "#2b2b2b", "ceramic")]],
  },
  living_room: {
    surface: { colour: "#6e4a32", texture: "grain", roughness: 0.4 },
    wall: { colour: "#d8c9b0", texture: "weave" },
    props: [[box(240, 40, 170, "#7b2d2d", "paper")], [cyl(60, 90, "#e8e0d0", "ceramic")]],
  },
  dining_room: {
    surface: { colour: "#efe9dc", texture: "weave", roughness: 0.9 },
    wall: { colour: "#b9a78b", texture: "paper" },
    props: [[cyl(120, 14, "#ffffff", "ceramic")], [cyl(38, 130, "#d8ecf2", "glass", { transmission: 0.9 })]],
  },
  bedroom: {
    surface: { colour: "#e6ddd0", texture: "grain", roughness: 0.6 },
    wall: { colour: "#c7cfe0", texture: "paper" },
    props: [[cyl(60, 40, "#888888", "metal")], [box(180, 30, 130, "#4a6c8c", "paper")]],
  },
  outdoors: {
    surface: { colour: "#8a8478", texture: "stone", roughness: 0.95 },
    wall: { colour: "#9ec3e6", texture: "none" },
    props: [
      [
        {
          part: null,
          geometry: { kind: "sphere", radius: 70, scale: [1.4, 0.6, 1] },
          material: "stone",
          colour: "#77736b",
          position: [0, 30, 0],
        },
      ],
    ],
  },
};

/** The named setting (falls back to the workshop bench for an unknown name). */
export function settingOf(name: string): Setting {
  return SETTINGS[name] ?? SETTINGS.workshop!;
}

/** Adds surface, wall and props for a setting around the layout box (objects' footprint). */
export function addSetting(scene: THREE.Scene, name: string, layout: THREE.Box3): THREE.Object3D[] {
  const s = settingOf(name);
  const w = Math.max(1400, (layout.max.x - layout.min.x) * 2.6);
  const d = Math.max(900, (layout.max.z - layout.min.z) * 3);
  const cx = (layout.min.x + layout.max.x) / 2;
  const backZ = layout.min.z - 260;
  const topTex = textureSet(s.surface.texture, s.surface.colour, { dirty: 0, cracked: false, seed: 3 });
  for (const t of [topTex.map, topTex.bump]) t?.repeat.set(w / 500, d / 500);
  const top = new THREE.Mesh(
    new THREE.BoxGeometry(w, 40, d),
    new THREE.MeshPhysicalMaterial({
      map: topTex.map,
      bumpMap: topTex.bump ?? null,
      bumpScale: (topTex.bumpScale ?? 0) * 0.5,
      roughness: s.surface.roughness,
      metalness: s.surface.metal ? 0.8 : 0,
    }),
  );
  top.position.set(cx, -20, backZ + d / 2);
  top.receiveShadow = true;
  const wallTex = textureSet(s.wall.texture, s.wall.colour, { dirty: 0, cracked: false, seed: 5 });
  for (const t of [wallTex.map, wallTex.bump]) t?.repeat.set(w / 400, 2);
  const wall = new THREE.Mesh(
    new THREE.PlaneGeometry(w * 1.5, 1600),
    new THREE.MeshStandardMaterial({ map: wallTex.map, roughness: 0.9 }),
  );
  wall.position.set(cx, 780, backZ);
  wall.receiveShadow = true;
  scene.add(top, wall);
  const added: THREE.Object3D[] = [top, wall];
  // props behind the objects, at the two back corners
  s.props.forEach((meshes, i) => {
    const model: ModelSpec = { object: `prop-${i}`, meshes, states: { wet: false, dirty: 0, bent: 0, cracked: false } };
    const g = buildObject(model, 11 + i);
    g.position.set(i === 0 ? layout.min.x - 60 : layout.max.x + 40, 0, backZ + 130);
    scene.add(g);
    added.push(g);
  });
  return added;
}

/** The neutral studio: a pale seamless floor and a soft gradient background. */
export function addStudio(scene: THREE.Scene, layout: THREE.Box3): THREE.Object3D[] {
  const size = new THREE.Vector3();
  layout.getSize(size);
  const w = Math.max(size.x, size.z, 100) * 12;
  const floor = new THREE.Mesh(
    new THREE.PlaneGeometry(w, w),
    new THREE.MeshStandardMaterial({ color: 0xe9e9e7, roughness: 0.95 }),
  );
  floor.rotation.x = -Math.PI / 2;
  floor.receiveShadow = true;
  scene.add(floor);
  const c = document.createElement("canvas");
  c.width = 4;
  c.height = 256;
  const g = c.getContext("2d")!;
  const grad = g.createLinearGradient(0, 0, 0, 256);
  grad.addColorStop(0, "#f6f6f4");
  grad.addColorStop(1, "#d7d8da");
  g.fillStyle = grad;
  g.fillRect(0, 0, 4, 256);
  const bg = new THREE.CanvasTexture(c);
  bg.colorSpace = THREE.SRGBColorSpace;
  scene.background = bg;
  return [floor];
}
