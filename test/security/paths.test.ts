// "No route reads or writes outside the data folders" (issue #8): the scenario file and view routes
// refuse `..`, absolute paths, percent-encoded traversal and symbolic links that lead out of the store,
// and never return the bytes of a file outside it.
import { mkdirSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { invalidateScenarioStore } from "@/lib/scenarios/store";
import { fixtureScenario, tempDir, writeFixtureScenario } from "@/test/fixture";

vi.mock("server-only", () => ({}));

type Handler = (request: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;
let work: string;
let store: string;
let secret: Buffer;
const saved = { ...process.env };
let files: Handler;
let entityView: Handler;
let partView: Handler;
let scenarios: Handler;

beforeAll(async () => {
  work = tempDir("mmcb-paths-");
  store = path.join(work, "store");
  // a PNG outside the store: what a traversal or a link would leak
  mkdirSync(path.join(work, "outside"), { recursive: true });
  secret = await sharp({ create: { width: 400, height: 300, channels: 3, background: "#ff0000" } })
    .png()
    .toBuffer();
  writeFileSync(path.join(work, "outside", "secret.png"), secret);
  writeFileSync(path.join(work, "outside", "passwd"), "root:x:0:0\n");

  await writeFixtureScenario(store, fixtureScenario("pry-lid"));
  // a scenario whose scene image is a link to the file outside the store
  const linked = await writeFixtureScenario(store, fixtureScenario("linked"));
  unlinkSync(path.join(linked, "scene.png"));
  symlinkSync(path.join(work, "outside", "secret.png"), path.join(linked, "scene.png"));
  // a scenario whose entity-view folder is a link out of the store
  const linkedDir = await writeFixtureScenario(store, fixtureScenario("linked-dir"));
  rmSync(path.join(linkedDir, "entities"), { recursive: true });
  mkdirSync(path.join(work, "outside", "entities"));
  writeFileSync(
    path.join(work, "outside", "entities", "spoon.png"),
    await sharp({ create: { width: 200, height: 200, channels: 3, background: "#00ff00" } })
      .png()
      .toBuffer(),
  );
  symlinkSync(path.join(work, "outside", "entities"), path.join(linkedDir, "entities"));
  // an extra, unreferenced link inside a valid scenario
  symlinkSync(path.join(work, "outside", "passwd"), path.join(store, "pry-lid", "extra.png"));

  process.env.MMCB_DATA_DIR = path.join(work, "data");
  process.env.MMCB_SCENARIOS_DIR = store;
  delete process.env.DATABASE_URL;
  delete process.env.MMCB_TOKEN;
  files = (await import("@/app/api/scenarios/[id]/files/[...file]/route")).GET as Handler;
  entityView = (await import("@/app/api/scenarios/[id]/views/[entityId]/route")).GET as Handler;
  partView = (await import("@/app/api/scenarios/[id]/views/[entityId]/[partId]/route")).GET as Handler;
  scenarios = (await import("@/app/api/scenarios/route")).GET as Handler;
});
afterAll(() => {
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

const get = (handler: Handler, params: Record<string, unknown>) =>
  handler(new Request("http://127.0.0.1/api/x"), { params: Promise.resolve(params) });

async function expectRefused(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  const bytes = Buffer.from(await res.arrayBuffer());
  expect(bytes.includes(secret.subarray(0, 64)), what).toBe(false);
  expect(bytes.toString("utf8"), what).not.toContain("root:x:0:0");
  expect(JSON.parse(bytes.toString("utf8")).error.code, what).toMatch(/not_found|input:invalid/);
}

describe("scenario file route", () => {
  it("serves a referenced image of a valid scenario (the control)", async () => {
    const res = await get(files, { id: "pry-lid", file: ["scene.png"] });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it.each<[string, string[]]>([
    ["parent segments", ["..", "..", "outside", "secret.png"]],
    ["parent segments inside a name", ["parts", "..", "..", "..", "outside", "secret.png"]],
    ["an absolute path", ["/etc/passwd"]],
    ["an absolute path split into segments", ["", "etc", "passwd"]],
    ["encoded dots", ["%2e%2e", "%2e%2e", "outside", "secret.png"]],
    ["encoded slashes", ["..%2f..%2foutside%2fsecret.png"]],
    ["double-encoded", ["%252e%252e", "secret.png"]],
    ["backslashes", ["..\\..\\outside\\secret.png"]],
    ["a NUL byte", ["scene.png\u0000.txt"]],
    ["an unreferenced link to a file outside", ["extra.png"]],
    ["a file the scenario does not reference", ["scenario.json"]],
  ])("refuses %s", async (what, file) => {
    await expectRefused(await get(files, { id: "pry-lid", file }), what);
  });

  it.each(["..", "%2e%2e", "../pry-lid", "/etc", "PRY-LID", "pry-lid%2f..", "outside"])(
    "refuses the scenario id %j",
    async (id) => {
      await expectRefused(await get(files, { id, file: ["scene.png"] }), id);
    },
  );
});

describe("symbolic links out of the store", () => {
  it("a scenario whose image is a link outside its folder is reported and skipped, not served", async () => {
    const body = (await (await get(scenarios, {})).json()) as { scenarios: { id: string }[]; issues: string[] };
    const ids = body.scenarios.map((s) => s.id);
    expect(ids).toContain("pry-lid");
    expect(ids).not.toContain("linked");
    expect(ids).not.toContain("linked-dir");
    expect(body.issues.join("\n")).toMatch(
      /linked\/scenario\.json: scene\.image: .*"scene\.png" is a link to a file outside the scenario folder/,
    );
    expect(body.issues.join("\n")).toMatch(
      /linked-dir\/scenario\.json: .*"entities\/spoon\.png" is a link to a file outside/,
    );
    await expectRefused(await get(files, { id: "linked", file: ["scene.png"] }), "linked scene");
    await expectRefused(await get(entityView, { id: "linked", entityId: "coin" }), "linked view");
    await expectRefused(await get(files, { id: "linked-dir", file: ["entities", "spoon.png"] }), "linked dir");
  });

  it("an image swapped for a link after the store was loaded is refused at read time", async () => {
    const dir = await writeFixtureScenario(store, fixtureScenario("swapped"));
    invalidateScenarioStore();
    const before = await get(files, { id: "swapped", file: ["parts", "spoon-bowl.png"] });
    expect(before.status).toBe(200);
    const bowl = path.join(dir, "parts", "spoon-bowl.png");
    unlinkSync(bowl);
    symlinkSync(path.join(work, "outside", "secret.png"), bowl);
    await expectRefused(await get(files, { id: "swapped", file: ["parts", "spoon-bowl.png"] }), "swapped file");
    await expectRefused(await get(partView, { id: "swapped", entityId: "spoon", partId: "bowl" }), "swapped view");
  });
});

describe("view routes", () => {
  it("render a crop for a valid entity and part (the control)", async () => {
    expect((await get(entityView, { id: "pry-lid", entityId: "coin" })).status).toBe(200);
    expect((await get(partView, { id: "pry-lid", entityId: "coin", partId: "edge" })).status).toBe(200);
  });

  it.each([
    { id: "pry-lid", entityId: "..", partId: "edge" },
    { id: "pry-lid", entityId: "../../outside", partId: "secret" },
    { id: "pry-lid", entityId: "coin", partId: "%2e%2e%2fsecret" },
    { id: "pry-lid", entityId: "coin", partId: "/etc/passwd" },
    { id: "..", entityId: "coin", partId: "edge" },
    { id: "pry-lid", entityId: "ghost", partId: "edge" },
  ])("refuse %j", async (params) => {
    await expectRefused(await get(partView, params), JSON.stringify(params));
  });
});

it("the view cache stays inside the data folder", () => {
  const cache = path.join(work, "data", "cache", "views"); // written by the view routes above
  const all = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
      d.isDirectory() ? all(path.join(dir, d.name)) : [path.join(dir, d.name)],
    );
  const cached = all(cache);
  expect(cached.length).toBeGreaterThan(0);
  for (const file of cached) expect(path.resolve(file).startsWith(path.join(work, "data") + path.sep)).toBe(true);
  // and nothing was written next to the store or the outside folder
  expect(all(path.join(work, "outside")).sort()).toEqual(
    [
      path.join(work, "outside", "entities", "spoon.png"),
      path.join(work, "outside", "passwd"),
      path.join(work, "outside", "secret.png"),
    ].sort(),
  );
});
