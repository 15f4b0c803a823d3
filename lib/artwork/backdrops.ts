/**
 * Setting backdrops drawn with simple SVG shapes (no text, no fonts, so rendering does not depend on the
 * machine), plus custom props. Every function returns SVG markup for a `width` × `height` scene.
 */
import type { Backdrop, PropName } from "@/scenario-src/spec";

type Drawer = (w: number, h: number) => string;

const rect = (x: number, y: number, w: number, h: number, fill: string, extra = ""): string =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}" ${extra}/>`;

function repeat(count: number, draw: (i: number) => string): string {
  let out = "";
  for (let i = 0; i < count; i++) out += draw(i);
  return out;
}

function linearGradient(id: string, from: string, to: string, vertical = true): string {
  const dir = vertical ? `x1="0" y1="0" x2="0" y2="1"` : `x1="0" y1="0" x2="1" y2="0"`;
  return `<linearGradient id="${id}" ${dir}><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>`;
}

/** Subway tiles: rows of bricks with grout lines. */
function tiles(
  x: number,
  y: number,
  w: number,
  h: number,
  tw: number,
  th: number,
  fill: string,
  grout: string,
): string {
  const rows = Math.ceil(h / th);
  let out = rect(x, y, w, h, fill);
  out += repeat(
    rows + 1,
    (r) => `<line x1="${x}" y1="${y + r * th}" x2="${x + w}" y2="${y + r * th}" stroke="${grout}" stroke-width="3"/>`,
  );
  out += repeat(rows, (r) =>
    repeat(Math.ceil(w / tw) + 1, (c) => {
      const cx = x + c * tw + (r % 2 ? tw / 2 : 0);
      return cx > x + w
        ? ""
        : `<line x1="${cx}" y1="${y + r * th}" x2="${cx}" y2="${y + (r + 1) * th}" stroke="${grout}" stroke-width="3"/>`;
    }),
  );
  return out;
}

const kitchen: Drawer = (w, h) => {
  const counterTop = Math.round(h * 0.47);
  const edge = Math.round(h * 0.9);
  return [
    `<defs>${linearGradient("counter", "#e4ddd2", "#cfc6b8")}${linearGradient("sky", "#9fd6f5", "#e4f4fc")}</defs>`,
    rect(0, 0, w, counterTop, "#f3ebdd"),
    tiles(0, 270, w, counterTop - 270, 96, 44, "#fbfaf6", "#d9d3c6"),
    // upper cabinets either side of a window
    rect(0, 0, 620, 230, "#a8794f"),
    rect(20, 0, 280, 210, "#b98a5e", `rx="6"`),
    rect(320, 0, 280, 210, "#b98a5e", `rx="6"`),
    rect(980, 0, 620, 230, "#a8794f"),
    rect(1000, 0, 280, 210, "#b98a5e", `rx="6"`),
    rect(1300, 0, 280, 210, "#b98a5e", `rx="6"`),
    rect(280, 170, 12, 30, "#6b5036", `rx="4"`),
    rect(328, 170, 12, 30, "#6b5036", `rx="4"`),
    rect(1260, 170, 12, 30, "#6b5036", `rx="4"`),
    rect(1308, 170, 12, 30, "#6b5036", `rx="4"`),
    rect(660, 30, 280, 210, "#ffffff", `rx="4"`),
    rect(672, 42, 256, 186, "url(#sky)"),
    `<line x1="800" y1="42" x2="800" y2="228" stroke="#ffffff" stroke-width="10"/>`,
    `<line x1="672" y1="135" x2="928" y2="135" stroke="#ffffff" stroke-width="10"/>`,
    rect(0, counterTop, w, edge - counterTop, "url(#counter)"),
    rect(0, counterTop, w, 8, "#bdb3a4"),
    rect(0, edge, w, 26, "#a99e8e"),
    rect(0, edge + 26, w, h - edge - 26, "#9c6f47"),
    repeat(
      4,
      (i) =>
        `<line x1="${400 * (i + 1)}" y1="${edge + 26}" x2="${400 * (i + 1)}" y2="${h}" stroke="#7d5736" stroke-width="4"/>`,
    ),
  ].join("");
};

const garage: Drawer = (w, h) => {
  const benchTop = Math.round(h * 0.43);
  const edge = Math.round(h * 0.88);
  return [
    `<defs>${linearGradient("bench", "#c08d5c", "#a97a4c")}<pattern id="holes" width="40" height="40" patternUnits="userSpaceOnUse"><circle cx="20" cy="20" r="4.5" fill="#8e6a45"/></pattern></defs>`,
    rect(0, 0, w, benchTop, "#cfa979"),
    rect(0, 0, w, benchTop, "url(#holes)"),
    rect(0, 0, w, 18, "#b8925f"),
    // a shelf with a row of jars on the pegboard
    rect(980, 150, 520, 16, "#8a6038"),
    repeat(5, (i) =>
      rect(1000 + i * 100, 90, 70, 60, ["#6f8fa6", "#7a9a6b", "#b5774f", "#8b7fa8", "#c9a24a"][i]!, `rx="8"`),
    ),
    rect(0, benchTop, w, edge - benchTop, "url(#bench)"),
    repeat(
      5,
      (i) =>
        `<line x1="0" y1="${benchTop + 90 * (i + 1)}" x2="${w}" y2="${benchTop + 90 * (i + 1)}" stroke="#966a40" stroke-width="3"/>`,
    ),
    rect(0, benchTop, w, 10, "#8d633b"),
    rect(0, edge, w, 30, "#7c5532"),
    rect(0, edge + 30, w, h - edge - 30, "#a4a5a1"),
    rect(60, edge + 30, 40, h - edge - 30, "#6b4a2c"),
    rect(w - 100, edge + 30, 40, h - edge - 30, "#6b4a2c"),
  ].join("");
};

const garden: Drawer = (w, h) => {
  const horizon = Math.round(h * 0.55);
  return [
    `<defs>${linearGradient("gsky", "#7fc8f8", "#dff2fd")}${linearGradient("grass", "#8fcf6e", "#5fa848")}</defs>`,
    rect(0, 0, w, horizon, "url(#gsky)"),
    `<circle cx="140" cy="110" r="60" fill="#ffe27a"/>`,
    `<ellipse cx="430" cy="120" rx="110" ry="38" fill="#ffffff"/><ellipse cx="500" cy="95" rx="70" ry="40" fill="#ffffff"/>`,
    `<ellipse cx="820" cy="70" rx="90" ry="28" fill="#ffffff"/>`,
    // fence
    repeat(Math.ceil(w / 60), (i) => rect(i * 60 + 6, 330, 48, horizon - 330, "#d9b98c", `rx="6"`)),
    rect(0, 380, w, 16, "#c9a676"),
    rect(0, 470, w, 16, "#c9a676"),
    rect(0, horizon, w, h - horizon, "url(#grass)"),
    // shed with a flat roof on the right
    rect(1180, 250, 380, horizon - 250 + 30, "#8c5a3c"),
    repeat(
      6,
      (i) =>
        `<line x1="${1180 + 60 * (i + 1)}" y1="250" x2="${1180 + 60 * (i + 1)}" y2="${horizon + 30}" stroke="#774a2f" stroke-width="4"/>`,
    ),
    rect(1160, 232, 420, 26, "#4e4a47"),
    rect(1300, 360, 130, horizon + 30 - 360, "#6d4229"),
    `<circle cx="1410" cy="${horizon - 60}" r="7" fill="#e0c060"/>`,
    // stepping stones
    `<ellipse cx="1360" cy="${horizon + 70}" rx="60" ry="18" fill="#b7b2a8"/>`,
    `<ellipse cx="1300" cy="${horizon + 140}" rx="66" ry="20" fill="#b7b2a8"/>`,
  ].join("");
};

const bathroom: Drawer = (w, h) => {
  const counterTop = Math.round(h * 0.48);
  const edge = Math.round(h * 0.9);
  return [
    `<defs>${linearGradient("marble", "#fbfbfa", "#e6e6e3")}${linearGradient("glass", "#d6eef5", "#a9d3e3")}</defs>`,
    rect(0, 0, w, counterTop, "#d8eef0"),
    repeat(
      Math.ceil(w / 100) + 1,
      (i) => `<line x1="${i * 100}" y1="0" x2="${i * 100}" y2="${counterTop}" stroke="#bcdadd" stroke-width="4"/>`,
    ),
    repeat(
      Math.ceil(counterTop / 100) + 1,
      (i) => `<line x1="0" y1="${i * 100}" x2="${w}" y2="${i * 100}" stroke="#bcdadd" stroke-width="4"/>`,
    ),
    rect(560, 30, 480, 380, "#c8c8c8", `rx="18"`),
    rect(576, 46, 448, 348, "url(#glass)", `rx="10"`),
    `<line x1="640" y1="330" x2="780" y2="90" stroke="#eef9fc" stroke-width="16" stroke-linecap="round"/>`,
    rect(0, counterTop, w, edge - counterTop, "url(#marble)"),
    rect(0, counterTop, w, 8, "#d0d0cc"),
    `<ellipse cx="800" cy="${counterTop + 80}" rx="170" ry="52" fill="#d9dcdf"/>`,
    `<ellipse cx="800" cy="${counterTop + 86}" rx="140" ry="38" fill="#eef1f3"/>`,
    `<circle cx="800" cy="${counterTop + 92}" r="9" fill="#9aa0a6"/>`,
    rect(786, counterTop - 40, 28, 70, "#b9bec4", `rx="8"`),
    rect(786, counterTop - 44, 78, 20, "#b9bec4", `rx="8"`),
    rect(0, edge, w, 24, "#cfcfca"),
    rect(0, edge + 24, w, h - edge - 24, "#ffffff"),
    repeat(
      3,
      (i) =>
        `<line x1="${400 * (i + 1)}" y1="${edge + 24}" x2="${400 * (i + 1)}" y2="${h}" stroke="#d5d5d0" stroke-width="4"/>`,
    ),
  ].join("");
};

const homeOffice: Drawer = (w, h) => {
  const deskTop = Math.round(h * 0.42);
  const edge = Math.round(h * 0.9);
  return [
    `<defs>${linearGradient("desk", "#d3a679", "#bb8d60")}${linearGradient("osky", "#a5d8f3", "#e8f6fd")}</defs>`,
    rect(0, 0, w, deskTop, "#e3e7ed"),
    rect(110, 40, 360, 300, "#ffffff", `rx="6"`),
    rect(126, 56, 328, 268, "url(#osky)"),
    `<line x1="290" y1="56" x2="290" y2="324" stroke="#ffffff" stroke-width="10"/>`,
    // cork board with notes
    rect(1080, 50, 400, 280, "#b78a5a", `rx="8"`),
    rect(1094, 64, 372, 252, "#d6ad7b"),
    rect(1130, 90, 110, 100, "#fff3a3", `transform="rotate(-4 1185 140)"`),
    rect(1290, 110, 120, 90, "#bfe6ff", `transform="rotate(5 1350 155)"`),
    rect(1180, 220, 130, 70, "#ffd0dc", `transform="rotate(-2 1245 255)"`),
    rect(0, deskTop, w, edge - deskTop, "url(#desk)"),
    repeat(
      4,
      (i) =>
        `<line x1="0" y1="${deskTop + 110 * (i + 1)}" x2="${w}" y2="${deskTop + 110 * (i + 1)}" stroke="#b3865b" stroke-width="2"/>`,
    ),
    rect(0, deskTop, w, 8, "#a67b52"),
    rect(0, edge, w, 30, "#9a6f47"),
    rect(0, edge + 30, w, h - edge - 30, "#8f9296"),
  ].join("");
};

const livingRoom: Drawer = (w, h) => {
  const floor = Math.round(h * 0.45);
  return [
    `<defs>${linearGradient("lfloor", "#c99863", "#b07d4b")}</defs>`,
    rect(0, 0, w, floor, "#efe2cf"),
    repeat(Math.ceil(w / 160), (i) => rect(i * 160 + 70, 0, 20, floor, "#e8d8c2")),
    // the spot where the picture goes: a pencil cross and a nail
    `<line x1="786" y1="136" x2="814" y2="164" stroke="#6d6d6d" stroke-width="3"/><line x1="814" y1="136" x2="786" y2="164" stroke="#6d6d6d" stroke-width="3"/>`,
    `<circle cx="800" cy="150" r="6" fill="#8a8f96"/>`,
    rect(0, floor - 22, w, 22, "#ffffff"),
    rect(0, floor, w, h - floor, "url(#lfloor)"),
    repeat(
      7,
      (i) =>
        `<line x1="0" y1="${floor + 80 * (i + 1)}" x2="${w}" y2="${floor + 80 * (i + 1)}" stroke="#a3713f" stroke-width="3"/>`,
    ),
    `<ellipse cx="820" cy="${floor + 300}" rx="640" ry="190" fill="#b85c4f" opacity="0.85"/>`,
    `<ellipse cx="820" cy="${floor + 300}" rx="600" ry="165" fill="none" stroke="#e6c27a" stroke-width="6" opacity="0.8"/>`,
    // a floor lamp standing on the floor at the left
    rect(120, 110, 12, floor - 110 + 80, "#5a5550"),
    `<path d="M60 120 L192 120 L166 30 L86 30 Z" fill="#f6d58b"/>`,
    `<ellipse cx="126" cy="${floor + 82}" rx="60" ry="12" fill="#5a5550"/>`,
  ].join("");
};

const diningRoom: Drawer = (w, h) => {
  const tableTop = Math.round(h * 0.44);
  const edge = Math.round(h * 0.9);
  return [
    `<defs>${linearGradient("cloth", "#fbf8f1", "#ece5d6")}${linearGradient("dsky", "#b3dcf2", "#eef8fd")}</defs>`,
    rect(0, 0, w, tableTop, "#dfe8d5"),
    repeat(Math.ceil(w / 80), (i) => rect(i * 80 + 30, 0, 18, tableTop, "#d3dfc7")),
    rect(0, tableTop - 120, w, 10, "#c3b08f"),
    // a window with curtains, and a round wall clock
    rect(600, 40, 400, 260, "#ffffff", `rx="6"`),
    rect(616, 56, 368, 228, "url(#dsky)"),
    `<line x1="800" y1="56" x2="800" y2="284" stroke="#ffffff" stroke-width="10"/>`,
    `<path d="M560 30 L680 30 Q650 170 690 320 L560 320 Z" fill="#b5544a"/>`,
    `<path d="M1040 30 L920 30 Q950 170 910 320 L1040 320 Z" fill="#b5544a"/>`,
    rect(550, 22, 500, 12, "#7a5a3c", `rx="6"`),
    `<circle cx="1330" cy="150" r="78" fill="#f6f1e6" stroke="#7a5a3c" stroke-width="10"/>`,
    `<line x1="1330" y1="150" x2="1330" y2="98" stroke="#3c3c3c" stroke-width="6"/><line x1="1330" y1="150" x2="1368" y2="168" stroke="#3c3c3c" stroke-width="6"/>`,
    // the table under a cloth with a woven border
    rect(0, tableTop, w, edge - tableTop, "url(#cloth)"),
    repeat(
      Math.ceil(w / 120),
      (i) =>
        `<line x1="${i * 120 + 60}" y1="${tableTop}" x2="${i * 120 + 60}" y2="${edge}" stroke="#e6decd" stroke-width="3"/>`,
    ),
    rect(0, tableTop, w, 6, "#d8cfbd"),
    rect(0, edge - 26, w, 10, "#c9a96a"),
    rect(0, edge, w, 22, "#e2d9c6"),
    rect(0, edge + 22, w, h - edge - 22, "#8a5a3a"),
  ].join("");
};

const bedroom: Drawer = (w, h) => {
  const bedTop = Math.round(h * 0.45);
  const edge = Math.round(h * 0.92);
  return [
    `<defs>${linearGradient("duvet", "#dfe9f6", "#c6d6ec")}${linearGradient("night", "#24305e", "#4a5a92")}</defs>`,
    rect(0, 0, w, bedTop, "#ece4f2"),
    // headboard, a window at night and a bedside lamp
    rect(180, 120, 1240, bedTop - 120 + 20, "#9b7bb0", `rx="40"`),
    rect(210, 150, 1180, bedTop - 150, "#ad8fc1", `rx="28"`),
    rect(1470, 60, 110, 150, "url(#night)", `rx="4"`),
    `<circle cx="1545" cy="100" r="16" fill="#f5efc9"/>`,
    rect(1466, 56, 118, 158, "none", `stroke="#ffffff" stroke-width="8" rx="4"`),
    rect(40, 250, 110, bedTop - 250, "#8a6a4a", `rx="4"`),
    `<path d="M50 170 L140 170 L160 250 L30 250 Z" fill="#f6d58b"/>`,
    // the bed: a quilted duvet
    rect(0, bedTop, w, edge - bedTop, "url(#duvet)"),
    repeat(
      Math.ceil(w / 160) + 4,
      (i) =>
        `<line x1="${i * 160 - 480}" y1="${edge}" x2="${i * 160 - 480 + (edge - bedTop)}" y2="${bedTop}" stroke="#b9cbe4" stroke-width="3"/>`,
    ),
    repeat(
      Math.ceil(w / 160) + 4,
      (i) =>
        `<line x1="${i * 160}" y1="${edge}" x2="${i * 160 - (edge - bedTop)}" y2="${bedTop}" stroke="#b9cbe4" stroke-width="3"/>`,
    ),
    rect(0, bedTop, w, 10, "#b3c5df"),
    rect(0, edge, w, h - edge, "#7b5b8c"),
  ].join("");
};

const outdoors: Drawer = (w, h) => {
  const ground = Math.round(h * 0.5);
  return [
    `<defs>${linearGradient("osky2", "#8ccdf5", "#e8f6fd")}${linearGradient("meadow", "#b9d77e", "#8cbf5a")}</defs>`,
    rect(0, 0, w, ground, "url(#osky2)"),
    `<path d="M0 ${ground - 120} L260 140 L470 ${ground - 150} L720 90 L1010 ${ground - 130} L1240 170 L1600 ${ground - 140} L1600 ${ground} L0 ${ground} Z" fill="#8d9bb3"/>`,
    `<path d="M672 145 L720 90 L768 145 L744 138 L720 150 L696 138 Z" fill="#ffffff"/>`,
    `<path d="M222 180 L260 140 L298 180 L278 174 L260 184 L242 174 Z" fill="#ffffff"/>`,
    // a line of pines, a lake and a tent
    repeat(
      20,
      (i) =>
        `<path d="M${i * 84 - 10} ${ground} L${i * 84 + 32} ${ground - 110 - (i % 3) * 22} L${i * 84 + 74} ${ground} Z" fill="${i % 2 ? "#3f7a4a" : "#356b40"}"/>`,
    ),
    rect(0, ground - 8, w, 30, "#6fb0d8"),
    rect(0, ground + 22, w, h - ground - 22, "url(#meadow)"),
    `<path d="M1280 ${ground + 90} L1410 ${ground - 60} L1540 ${ground + 90} Z" fill="#e07b39"/>`,
    `<path d="M1380 ${ground + 90} L1410 ${ground + 10} L1440 ${ground + 90} Z" fill="#7a3c17"/>`,
    // a bare earth patch where things are laid out
    `<ellipse cx="720" cy="${ground + 290}" rx="700" ry="170" fill="#c9b084" opacity="0.75"/>`,
    repeat(
      14,
      (i) =>
        `<ellipse cx="${80 + i * 110}" cy="${ground + 60 + ((i * 37) % 90)}" rx="10" ry="4" fill="#8a7455" opacity="0.6"/>`,
    ),
  ].join("");
};

const workshop: Drawer = (w, h) => {
  const benchTop = Math.round(h * 0.44);
  const edge = Math.round(h * 0.9);
  return [
    `<defs>${linearGradient("block", "#e0b98a", "#c99c69")}</defs>`,
    // a wall of vertical planks with a tool shelf and a small window
    rect(0, 0, w, benchTop, "#9c7048"),
    repeat(
      Math.ceil(w / 110),
      (i) => `<line x1="${i * 110}" y1="0" x2="${i * 110}" y2="${benchTop}" stroke="#7f5836" stroke-width="5"/>`,
    ),
    rect(120, 60, 260, 190, "#e9f4f8", `rx="4"`),
    rect(132, 72, 236, 166, "#bfe0ef"),
    `<line x1="250" y1="72" x2="250" y2="238" stroke="#e9f4f8" stroke-width="8"/>`,
    rect(760, 170, 700, 18, "#5e4027"),
    repeat(6, (i) =>
      rect(
        790 + i * 110,
        90,
        70,
        80,
        ["#c4573a", "#4d7ea8", "#d1a33c", "#6c9a55", "#8b6bb1", "#b44f6a"][i]!,
        `rx="10"`,
      ),
    ),
    // a thick butcher-block bench
    rect(0, benchTop, w, edge - benchTop, "url(#block)"),
    repeat(
      Math.ceil(w / 64),
      (i) => `<line x1="${i * 64}" y1="${benchTop}" x2="${i * 64}" y2="${edge}" stroke="#b98b5a" stroke-width="2"/>`,
    ),
    repeat(
      24,
      (i) =>
        `<circle cx="${(i * 263) % w}" cy="${benchTop + 40 + ((i * 97) % (edge - benchTop - 60))}" r="3" fill="#f3dcb6"/>`,
    ),
    rect(0, benchTop, w, 10, "#a97c4d"),
    rect(0, edge, w, 34, "#8f6640"),
    rect(0, edge + 34, w, h - edge - 34, "#5f6063"),
  ].join("");
};

const DRAWERS: Record<Backdrop, Drawer> = {
  kitchen,
  garage,
  garden,
  bathroom,
  home_office: homeOffice,
  living_room: livingRoom,
  dining_room: diningRoom,
  bedroom,
  outdoors,
  workshop,
};

/** SVG markup (no outer <svg>) of the backdrop of `setting`. */
export function backdropMarkup(setting: Backdrop, width: number, height: number): string {
  return DRAWERS[setting](width, height);
}

/** A paint tin seen from the front, icon box of `size` px with its top-left at (left, top). */
function paintTin(left: number, top: number, size: number): string {
  const s = size / 100;
  const x = (v: number) => +(left + v * s).toFixed(2);
  const y = (v: number) => +(top + v * s).toFixed(2);
  return [
    `<defs>${linearGradient("tin", "#c7cbd1", "#8e949c", false)}</defs>`,
    `<rect x="${x(14)}" y="${y(22)}" width="${72 * s}" height="${72 * s}" rx="${4 * s}" fill="url(#tin)"/>`,
    `<rect x="${x(14)}" y="${y(40)}" width="${72 * s}" height="${38 * s}" fill="#3f7fd0"/>`,
    `<ellipse cx="${x(50)}" cy="${y(22)}" rx="${36 * s}" ry="${8 * s}" fill="#d9dce0" stroke="#7d838b" stroke-width="${1.5 * s}"/>`,
    `<ellipse cx="${x(50)}" cy="${y(22)}" rx="${29 * s}" ry="${5.5 * s}" fill="#b6bbc2"/>`,
    `<path d="M${x(60)} ${y(24)} q ${2 * s} ${10 * s} 0 ${16 * s} q ${-2 * s} ${4 * s} ${-4 * s} 0 z" fill="#3f7fd0"/>`,
    `<path d="M${x(16)} ${y(22)} q ${-6 * s} ${-16 * s} ${34 * s} ${-18 * s} q ${40 * s} ${2 * s} ${34 * s} ${18 * s}" fill="none" stroke="#6d737b" stroke-width="${2 * s}"/>`,
    `<ellipse cx="${x(50)}" cy="${y(94)}" rx="${36 * s}" ry="${4 * s}" fill="#7d838b"/>`,
  ].join("");
}

/** SVG markup of a custom prop in an icon box of `size` px at (left, top). */
export function propMarkup(prop: PropName, left: number, top: number, size: number): string {
  switch (prop) {
    case "paint-tin":
      return paintTin(left, top, size);
  }
}

/** The opaque extent of a prop, in fractions of its icon box (used for overlap checks and shadows). */
export function propBounds(prop: PropName): { x: number; y: number; w: number; h: number } {
  switch (prop) {
    case "paint-tin":
      return { x: 0.1, y: 0.02, w: 0.8, h: 0.96 };
  }
}
