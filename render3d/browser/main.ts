/**
 * Entry of the renderer page: `window.MMCB3D.renderView(request)` renders one view (scene, entity view or part
 * view) and optionally its ID pass. Bundled by esbuild into one script and loaded into a blank page.
 */
import * as THREE from "three";
import { RoomEnvironment } from "three/addons/environments/RoomEnvironment.js";
import type { IdLegendEntry, ResolvedCamera, ViewRequest, ViewResponse } from "../protocol";
import type { Vec3 } from "../model/types";
import { buildObject } from "./build";
import { addSetting, addStudio } from "./scene";

let renderer: THREE.WebGLRenderer | null = null;
let envTex: THREE.Texture | null = null;

function getRenderer(w: number, h: number): THREE.WebGLRenderer {
  if (!renderer) {
    const canvas = document.createElement("canvas");
    document.body.appendChild(canvas);
    renderer = new THREE.WebGLRenderer({ canvas, antialias: true, preserveDrawingBuffer: true });
    renderer.setPixelRatio(1);
    renderer.shadowMap.enabled = true;
    renderer.shadowMap.type = THREE.PCFSoftShadowMap;
    renderer.toneMapping = THREE.ACESFilmicToneMapping;
    renderer.toneMappingExposure = 1.0;
    renderer.outputColorSpace = THREE.SRGBColorSpace;
    const pmrem = new THREE.PMREMGenerator(renderer);
    envTex = pmrem.fromScene(new RoomEnvironment(), 0.04).texture;
  }
  renderer.setSize(w, h, false);
  return renderer;
}

const V = (v: Vec3) => new THREE.Vector3(v[0], v[1], v[2]);

function corners(b: THREE.Box3): THREE.Vector3[] {
  const out: THREE.Vector3[] = [];
  for (const x of [b.min.x, b.max.x])
    for (const y of [b.min.y, b.max.y]) for (const z of [b.min.z, b.max.z]) out.push(new THREE.Vector3(x, y, z));
  return out;
}

/** Places the camera along `dir` from the box centre at the distance where the box fills `fill` of the frame. */
function fit(cam: THREE.PerspectiveCamera, box: THREE.Box3, dir: THREE.Vector3, fill: number): void {
  const target = new THREE.Vector3();
  box.getCenter(target);
  const d = dir.clone().normalize();
  const pts = corners(box);
  const radius = box.getSize(new THREE.Vector3()).length() / 2;
  let lo = radius * 0.2;
  let hi = radius * 200 + 10;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    cam.position.copy(target).addScaledVector(d, mid);
    cam.lookAt(target);
    cam.near = Math.max(0.5, mid / 60);
    cam.far = mid * 30 + 6000;
    cam.updateProjectionMatrix();
    cam.updateMatrixWorld(true);
    const ok = pts.every((p) => {
      const q = p.clone().project(cam);
      return Math.abs(q.x) <= fill && Math.abs(q.y) <= fill && q.z < 1;
    });
    if (ok) hi = mid;
    else lo = mid;
  }
  cam.position.copy(target).addScaledVector(d, hi);
  cam.lookAt(target);
  cam.near = Math.max(0.5, hi / 60);
  cam.far = hi * 30 + 6000;
  cam.updateProjectionMatrix();
}

function yawVec(v: Vec3, yawDeg: number): THREE.Vector3 {
  return V(v).applyAxisAngle(new THREE.Vector3(0, 1, 0), (yawDeg * Math.PI) / 180);
}

function partBox(group: THREE.Object3D, part: string): THREE.Box3 {
  const box = new THREE.Box3();
  group.traverse((o) => {
    if ((o as THREE.Mesh).isMesh && o.userData.part === part && !o.userData.droplet) box.expandByObject(o);
  });
  return box;
}

async function renderView(req: ViewRequest): Promise<ViewResponse> {
  const t0 = performance.now();
  const r = getRenderer(req.width, req.height);
  const scene = new THREE.Scene();
  scene.environment = envTex;
  scene.environmentIntensity = req.backdrop === "studio" ? 0.9 : 0.55;
  const legend: IdLegendEntry[] = [];
  const groups = new Map<string, THREE.Group>();
  const layout = new THREE.Box3();
  for (const o of req.objects) {
    const g = buildObject(o.model, o.seed ?? 1);
    g.position.set(o.x, 0, o.z);
    g.rotation.y = (o.yaw * Math.PI) / 180;
    g.userData.key = o.key;
    scene.add(g);
    g.updateMatrixWorld(true);
    groups.set(o.key, g);
    layout.expandByObject(g);
    g.traverse((m) => {
      if (!(m as THREE.Mesh).isMesh) return;
      const part = (m.userData.part as string | null) ?? null;
      let idx = legend.findIndex((e) => e.key === o.key && e.part === part);
      if (idx < 0) {
        legend.push({ key: o.key, part });
        idx = legend.length - 1;
      }
      m.userData.legend = idx;
    });
  }
  if (layout.isEmpty()) layout.set(new THREE.Vector3(-50, 0, -50), new THREE.Vector3(50, 50, 50));
  const decor = req.backdrop === "studio" ? addStudio(scene, layout) : addSetting(scene, req.backdrop, layout);
  if (req.backdrop !== "studio") scene.background = new THREE.Color(0x202020);

  // light: a soft key light from the upper left front with shadows, plus the room environment
  const size = layout.getSize(new THREE.Vector3());
  const centre = layout.getCenter(new THREE.Vector3());
  const span = Math.max(size.x, size.z, 150);
  const sun = new THREE.DirectionalLight(0xfff4e6, req.backdrop === "studio" ? 2.2 : 3.2);
  sun.position.set(centre.x - span * 0.9, span * 0.9 + 150, centre.z + span * 0.5);
  sun.target.position.copy(centre);
  sun.castShadow = true;
  sun.shadow.mapSize.set(2048, 2048);
  const sc = sun.shadow.camera;
  const ext = span * 1.2 + 100;
  sc.left = -ext;
  sc.right = ext;
  sc.top = ext;
  sc.bottom = -ext;
  sc.near = 1;
  sc.far = span * 6 + 2000;
  sun.shadow.radius = 4;
  sun.shadow.bias = -0.0004;
  sun.shadow.normalBias = 0.5;
  scene.add(sun, sun.target);

  const cam = new THREE.PerspectiveCamera(30, req.width / req.height, 1, 10000);
  const c = req.camera;
  if (c.mode === "scene") {
    cam.fov = 30;
    fit(cam, layout, new THREE.Vector3(0, 0.62, 1), 0.9);
  } else {
    const g = groups.get(c.key);
    if (!g) throw new Error(`renderView: no object "${c.key}" in the request`);
    const o = req.objects.find((x) => x.key === c.key)!;
    if (c.mode === "object") {
      cam.fov = 30;
      const dir = yawVec(c.from ?? o.model.viewFrom ?? [0.35, 0.8, 1], o.yaw);
      fit(cam, new THREE.Box3().setFromObject(g), dir, 0.8);
    } else {
      cam.fov = 30;
      const box = partBox(g, c.part);
      if (box.isEmpty()) throw new Error(`renderView: object "${c.key}" has no part "${c.part}"`);
      const s = box.getSize(new THREE.Vector3());
      const from = c.from ?? o.model.partViewFrom?.[c.part] ?? (s.x >= s.z ? [0.3, 0.5, 1] : [1, 0.5, 0.3]);
      // keep some context: a part box at least 35% of the object's size
      const whole = new THREE.Box3().setFromObject(g).getSize(new THREE.Vector3());
      const minSide = Math.max(whole.length() * 0.1, 6);
      const grow = new THREE.Vector3(
        Math.max(0, minSide - s.x) / 2,
        Math.max(0, minSide - s.y) / 2,
        Math.max(0, minSide - s.z) / 2,
      );
      box.expandByVector(grow);
      fit(cam, box, yawVec(from as Vec3, o.yaw), 0.62);
    }
  }
  r.setRenderTarget(null);
  r.render(scene, cam);
  const png = r.domElement.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
  const camera: ResolvedCamera = {
    position: [cam.position.x, cam.position.y, cam.position.z],
    target: (() => {
      const t = new THREE.Vector3();
      cam.getWorldDirection(t);
      return [cam.position.x + t.x * 100, cam.position.y + t.y * 100, cam.position.z + t.z * 100] as Vec3;
    })(),
    fov: cam.fov,
  };
  const res: { -readonly [K in keyof ViewResponse]: ViewResponse[K] } = { png, camera, ms: 0 };
  if (req.idPass) {
    const black = new THREE.MeshBasicMaterial({ color: 0x000000, side: THREE.DoubleSide });
    const saved = new Map<THREE.Mesh, THREE.Material | THREE.Material[]>();
    const idMats = legend.map((_, i) => {
      const m = new THREE.MeshBasicMaterial({ side: THREE.DoubleSide });
      m.color.setRGB(((i + 1) & 255) / 255, 0, 0);
      return m;
    });
    // Clear glass: a pixel where a named part is seen through its own object's glass (salt in its shaker)
    // belongs to that part; elsewhere (an unnamed mesh such as a clock's dial behind its glass face, the
    // setting, another object) to the nearest surface, glass included. So each ID image is two renders:
    // one without the glass, one with it.
    const glass: THREE.Mesh[] = [];
    scene.traverse((o) => {
      const m = o as THREE.Mesh;
      if (!m.isMesh) return;
      saved.set(m, m.material);
      m.material = typeof m.userData.legend === "number" ? idMats[m.userData.legend]! : black;
      if (m.userData.seeThrough && m.visible) glass.push(m);
    });
    const named = legend.map((l) => l.part !== null);
    const bg = scene.background;
    scene.background = null;
    const rt = new THREE.WebGLRenderTarget(req.width, req.height, { samples: 0 });
    const buf = new Uint8Array(req.width * req.height * 4);
    const readIds = (): Uint8Array => {
      for (const m of glass) m.visible = false;
      const behind = readPass();
      for (const m of glass) m.visible = true;
      if (glass.length === 0) return behind;
      const front = readPass();
      for (let i = 0; i < front.length; i++) {
        const b = behind[i]!;
        const f = front[i]!;
        if (b > 0 && f > 0 && named[b - 1] && legend[b - 1]!.key === legend[f - 1]!.key) front[i] = b;
      }
      return front;
    };
    const readPass = (): Uint8Array => {
      r.setRenderTarget(rt);
      r.setClearColor(0x000000, 1);
      r.clear();
      r.render(scene, cam);
      r.readRenderTargetPixels(rt, 0, 0, req.width, req.height, buf);
      r.setRenderTarget(null);
      const ids = new Uint8Array(req.width * req.height);
      for (let y = 0; y < req.height; y++) {
        const src = (req.height - 1 - y) * req.width;
        for (let x = 0; x < req.width; x++) ids[y * req.width + x] = buf[(src + x) * 4]!;
      }
      return ids;
    };
    const ids = readIds();
    res.ids = { legend, data: toB64(ids) };
    if (req.soloCounts) {
      const solo = new Array<number>(legend.length).fill(0);
      for (const d of decor) d.visible = false;
      for (const key of groups.keys()) {
        for (const [k2, g2] of groups) g2.visible = k2 === key;
        const only = readIds();
        for (let i = 0; i < only.length; i++) if (only[i]) solo[only[i]! - 1]!++;
      }
      res.solo = solo;
    }
    scene.background = bg;
    for (const [m, mat] of saved) m.material = mat;
    rt.dispose();
  }
  // free GPU memory of this view
  scene.traverse((o) => {
    const m = o as THREE.Mesh;
    if (m.isMesh) m.geometry.dispose();
  });
  res.ms = Math.round(performance.now() - t0);
  return res;
}

function toB64(bytes: Uint8Array): string {
  let s = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(s);
}

(window as unknown as { MMCB3D: unknown }).MMCB3D = { renderView };
