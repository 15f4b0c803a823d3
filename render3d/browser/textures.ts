/**
 * Procedural textures drawn on canvases (nothing downloaded): a colour map and a bump map per texture kind.
 * Deterministic: the same kind, colour and seed give the same pixels.
 */
import * as THREE from "three";

export function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function canvas(size: number): [HTMLCanvasElement, CanvasRenderingContext2D] {
  const c = document.createElement("canvas");
  c.width = size;
  c.height = size;
  return [c, c.getContext("2d")!];
}

function shade(hex: string, k: number): string {
  const c = new THREE.Color(hex);
  c.multiplyScalar(k);
  return `#${c.getHexString()}`;
}

export interface TextureSet {
  map: THREE.Texture;
  bump?: THREE.Texture;
  bumpScale?: number;
  rough?: THREE.Texture;
}

const cache = new Map<string, TextureSet>();

/** Texture kinds: grain, brushed, weave, paper, glaze, rubber, plastic, stone, foam, food, knurl, ribs, emboss. */
export function textureSet(
  kind: string,
  colour: string,
  opts: { dirty: number; cracked: boolean; seed: number },
): TextureSet {
  const key = `${kind}|${colour}|${opts.dirty}|${opts.cracked}|${opts.seed}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const S = 512;
  const [cm, c] = canvas(S);
  const [bm, b] = canvas(S);
  const r = rng(opts.seed * 7919 + kind.length * 31 + 1);
  c.fillStyle = colour;
  c.fillRect(0, 0, S, S);
  b.fillStyle = "#808080";
  b.fillRect(0, 0, S, S);
  let bumpScale: number;
  const speckle = (n: number, size: number, alpha: number, light = 1.15, dark = 0.85) => {
    for (let i = 0; i < n; i++) {
      const x = r() * S;
      const y = r() * S;
      const s = size * (0.5 + r());
      c.globalAlpha = alpha;
      c.fillStyle = shade(colour, r() < 0.5 ? light : dark);
      c.fillRect(x, y, s, s);
      b.globalAlpha = alpha;
      b.fillStyle = r() < 0.5 ? "#a0a0a0" : "#606060";
      b.fillRect(x, y, s, s);
    }
    c.globalAlpha = 1;
    b.globalAlpha = 1;
  };
  switch (kind) {
    case "grain": {
      // wood: wavy growth lines along U, with darker late-wood bands
      for (let y = 0; y < S; y += 1) {
        const band = Math.sin(y * 0.09 + Math.sin(y * 0.013) * 6) * 0.5 + 0.5;
        const k = 0.78 + band * 0.3 + (r() - 0.5) * 0.05;
        c.fillStyle = shade(colour, k);
        c.fillRect(0, y, S, 1);
        b.fillStyle = band > 0.8 ? "#707070" : "#868686";
        b.fillRect(0, y, S, 1);
      }
      for (let i = 0; i < 140; i++) {
        const y0 = r() * S;
        c.strokeStyle = shade(colour, 0.62);
        c.globalAlpha = 0.25 + r() * 0.3;
        c.lineWidth = 0.6 + r() * 1.2;
        c.beginPath();
        c.moveTo(0, y0);
        for (let x = 0; x <= S; x += 16) c.lineTo(x, y0 + Math.sin(x * 0.02 + i) * 3);
        c.stroke();
      }
      c.globalAlpha = 1;
      for (let i = 0; i < 2; i++) {
        // a knot
        const x = r() * S;
        const y = r() * S;
        for (let k = 12; k > 0; k--) {
          c.strokeStyle = shade(colour, 0.55 + k * 0.025);
          c.beginPath();
          c.ellipse(x, y, k * 3.2, k * 1.3, 0, 0, Math.PI * 2);
          c.stroke();
        }
      }
      bumpScale = 0.6;
      break;
    }
    case "brushed": {
      for (let y = 0; y < S; y++) {
        const k = 0.9 + r() * 0.18;
        c.globalAlpha = 0.5;
        c.fillStyle = shade(colour, k);
        c.fillRect(0, y, S, 1);
        b.globalAlpha = 0.5;
        b.fillStyle = k > 0.99 ? "#8a8a8a" : "#767676";
        b.fillRect(0, y, S, 1);
      }
      c.globalAlpha = 1;
      b.globalAlpha = 1;
      bumpScale = 0.15;
      break;
    }
    case "weave": {
      const n = 8;
      for (let y = 0; y < S; y += n)
        for (let x = 0; x < S; x += n) {
          const over = ((x + y) / n) % 2 === 0;
          c.fillStyle = shade(colour, over ? 1.08 : 0.86);
          c.fillRect(x, y, n, n);
          const g = b.createLinearGradient(x, y, over ? x + n : x, over ? y : y + n);
          g.addColorStop(0, "#505050");
          g.addColorStop(0.5, "#c0c0c0");
          g.addColorStop(1, "#505050");
          b.fillStyle = g;
          b.fillRect(x, y, n, n);
        }
      speckle(800, 2, 0.25);
      bumpScale = 1.2;
      break;
    }
    case "paper": {
      speckle(6000, 1.5, 0.12, 1.05, 0.93);
      for (let i = 0; i < 300; i++) {
        c.strokeStyle = shade(colour, 0.9);
        c.globalAlpha = 0.15;
        c.beginPath();
        const x = r() * S;
        const y = r() * S;
        c.moveTo(x, y);
        c.lineTo(x + (r() - 0.5) * 20, y + (r() - 0.5) * 20);
        c.stroke();
      }
      c.globalAlpha = 1;
      bumpScale = 0.3;
      break;
    }
    case "glaze": {
      for (let i = 0; i < 60; i++) {
        const g = c.createRadialGradient(r() * S, r() * S, 0, r() * S, r() * S, 40 + r() * 80);
        g.addColorStop(0, shade(colour, 1.06));
        g.addColorStop(1, "rgba(0,0,0,0)");
        c.globalAlpha = 0.35;
        c.fillStyle = g;
        c.fillRect(0, 0, S, S);
      }
      c.globalAlpha = 1;
      bumpScale = 0.05;
      break;
    }
    case "stone": {
      speckle(9000, 2.5, 0.5, 1.25, 0.7);
      speckle(400, 6, 0.3, 1.3, 0.6);
      bumpScale = 2;
      break;
    }
    case "foam": {
      for (let i = 0; i < 2600; i++) {
        const x = r() * S;
        const y = r() * S;
        const rad = 1 + r() * 4;
        c.fillStyle = shade(colour, 0.7);
        c.beginPath();
        c.arc(x, y, rad, 0, Math.PI * 2);
        c.fill();
        b.fillStyle = "#303030";
        b.beginPath();
        b.arc(x, y, rad, 0, Math.PI * 2);
        b.fill();
      }
      bumpScale = 2.5;
      break;
    }
    case "rubber": {
      speckle(5000, 1.5, 0.25, 1.1, 0.9);
      bumpScale = 0.5;
      break;
    }
    case "plastic": {
      speckle(1500, 1, 0.08, 1.05, 0.95);
      bumpScale = 0.05;
      break;
    }
    case "food": {
      for (let i = 0; i < 300; i++) {
        const g = c.createRadialGradient(r() * S, r() * S, 0, r() * S, r() * S, 10 + r() * 40);
        g.addColorStop(0, shade(colour, r() < 0.5 ? 1.12 : 0.85));
        g.addColorStop(1, "rgba(0,0,0,0)");
        c.globalAlpha = 0.4;
        c.fillStyle = g;
        c.fillRect(0, 0, S, S);
      }
      c.globalAlpha = 1;
      speckle(2000, 1.5, 0.2);
      bumpScale = 0.6;
      break;
    }
    case "knurl": {
      b.strokeStyle = "#202020";
      b.lineWidth = 3;
      for (let i = -S; i < 2 * S; i += 12) {
        b.beginPath();
        b.moveTo(i, 0);
        b.lineTo(i + S, S);
        b.stroke();
        b.beginPath();
        b.moveTo(i, S);
        b.lineTo(i + S, 0);
        b.stroke();
      }
      c.globalAlpha = 0.25;
      c.drawImage(bm, 0, 0);
      c.globalAlpha = 1;
      bumpScale = 1.5;
      break;
    }
    case "ribs": {
      for (let y = 0; y < S; y += 16) {
        const g = b.createLinearGradient(0, y, 0, y + 16);
        g.addColorStop(0, "#303030");
        g.addColorStop(0.5, "#e0e0e0");
        g.addColorStop(1, "#303030");
        b.fillStyle = g;
        b.fillRect(0, y, S, 16);
        c.fillStyle = shade(colour, 0.85);
        c.fillRect(0, y, S, 3);
      }
      bumpScale = 2;
      break;
    }
    case "emboss": {
      // a coin face: a raised ring, a simple building relief and lettering dots
      b.fillStyle = "#606060";
      b.fillRect(0, 0, S, S);
      b.strokeStyle = "#d0d0d0";
      b.lineWidth = 10;
      b.beginPath();
      b.arc(S / 2, S / 2, S * 0.44, 0, Math.PI * 2);
      b.stroke();
      b.fillStyle = "#e0e0e0";
      b.fillRect(S * 0.3, S * 0.52, S * 0.4, S * 0.16);
      for (let i = 0; i < 5; i++) b.fillRect(S * (0.32 + i * 0.08), S * 0.36, S * 0.035, S * 0.16);
      b.beginPath();
      b.moveTo(S * 0.28, S * 0.36);
      b.lineTo(S * 0.5, S * 0.24);
      b.lineTo(S * 0.72, S * 0.36);
      b.fill();
      for (let i = 0; i < 22; i++) {
        const a = (i / 22) * Math.PI * 2;
        b.fillRect(S / 2 + Math.cos(a) * S * 0.37 - 6, S / 2 + Math.sin(a) * S * 0.37 - 6, 12, 12);
      }
      c.globalAlpha = 0.3;
      c.drawImage(bm, 0, 0);
      c.globalAlpha = 1;
      bumpScale = 3;
      break;
    }
    default:
      speckle(600, 1, 0.05, 1.03, 0.97);
      bumpScale = 0;
  }
  const rough = canvas(S);
  rough[1].fillStyle = "#808080";
  rough[1].fillRect(0, 0, S, S);
  if (opts.dirty > 0) {
    for (let i = 0; i < 60 * opts.dirty; i++) {
      const x = r() * S;
      const y = r() * S;
      const rad = 10 + r() * 60;
      const g = c.createRadialGradient(x, y, 0, x, y, rad);
      g.addColorStop(0, "rgba(60,45,25,0.75)");
      g.addColorStop(1, "rgba(60,45,25,0)");
      c.fillStyle = g;
      c.fillRect(x - rad, y - rad, rad * 2, rad * 2);
      rough[1].fillStyle = "#ffffff";
      rough[1].globalAlpha = 0.5;
      rough[1].beginPath();
      rough[1].arc(x, y, rad * 0.7, 0, Math.PI * 2);
      rough[1].fill();
    }
    speckle(2500 * opts.dirty, 2, 0.5, 0.5, 0.4);
  }
  if (opts.cracked) {
    for (let k = 0; k < 3; k++) {
      let x = r() * S;
      let y = r() * S;
      let a = r() * Math.PI * 2;
      c.strokeStyle = "#1a1410";
      b.strokeStyle = "#000000";
      c.lineWidth = 2.5;
      b.lineWidth = 4;
      c.beginPath();
      b.beginPath();
      c.moveTo(x, y);
      b.moveTo(x, y);
      for (let i = 0; i < 40; i++) {
        a += (r() - 0.5) * 0.9;
        x += Math.cos(a) * 9;
        y += Math.sin(a) * 9;
        c.lineTo(x, y);
        b.lineTo(x, y);
      }
      c.stroke();
      b.stroke();
    }
    bumpScale = Math.max(bumpScale, 1.5);
  }
  const map = new THREE.CanvasTexture(cm);
  map.colorSpace = THREE.SRGBColorSpace;
  const set: TextureSet = { map, bumpScale };
  if (bumpScale > 0) set.bump = new THREE.CanvasTexture(bm);
  if (opts.dirty > 0) set.rough = new THREE.CanvasTexture(rough[0]);
  for (const t of [set.map, set.bump, set.rough]) {
    if (!t) continue;
    t.wrapS = THREE.RepeatWrapping;
    t.wrapT = THREE.RepeatWrapping;
    t.anisotropy = 4;
  }
  cache.set(key, set);
  return set;
}
