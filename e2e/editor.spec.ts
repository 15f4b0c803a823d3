import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import sharp from "sharp";
import { EditorPage } from "./pages/editor-page";

/** The data folder the e2e server uses (scripts/e2e-server.mjs): user scenarios are written under it. */
const DATA_DIR = path.resolve(process.env.E2E_DATA_DIR ?? path.join("reports", "e2e-data"));
/** Scenarios saved in the editor are drafts until published: they are written under drafts/. */
const USER_SCENARIOS = path.join(DATA_DIR, "drafts");
const SHOTS = path.resolve("reports", "editor");

/** A synthetic desk photo: a mug, a ruler and a coin on wood (JPEG). */
async function deskPhoto(file: string, width = 1200, height = 800): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1200 800" preserveAspectRatio="none">
    <rect width="1200" height="800" fill="#c8a27a"/>
    <g fill="#b08660">${Array.from({ length: 12 }, (_, i) => `<rect x="0" y="${i * 70}" width="1200" height="6"/>`).join("")}</g>
    <rect x="150" y="200" width="300" height="320" rx="30" fill="#2f6db5"/>
    <rect x="440" y="280" width="90" height="160" rx="45" fill="none" stroke="#2f6db5" stroke-width="28"/>
    <polygon points="650,150 1050,250 1020,330 620,230" fill="#e8d44d" stroke="#8a7a20" stroke-width="4"/>
    <circle cx="850" cy="600" r="90" fill="#c0c0c0" stroke="#808080" stroke-width="8"/>
  </svg>`;
  mkdirSync(path.dirname(file), { recursive: true });
  await sharp(Buffer.from(svg)).resize(width, height).jpeg({ quality: 85 }).toFile(file);
  return file;
}

async function uploadViaApi(request: APIRequestContext, file: string, name = "photo.jpg") {
  const res = await request.post("/api/scenarios/uploads", {
    headers: { "X-Mmcb-Annotator": "setup" },
    multipart: { file: { name, mimeType: "image/jpeg", buffer: readFileSync(file) } },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { upload: { file: string; width: number; height: number } }).upload;
}

/** A valid scenario document over an uploaded photo with `n` box entities, each with one part. */
function scenarioDoc(id: string, upload: { file: string; width: number; height: number }, n = 2) {
  const cols = Math.ceil(Math.sqrt(n));
  const cw = upload.width / cols;
  const ch = upload.height / Math.ceil(n / cols);
  const entities = Array.from({ length: n }, (_, i) => {
    const x = (i % cols) * cw + 4;
    const y = Math.floor(i / cols) * ch + 4;
    return {
      id: `thing-${i + 1}`,
      name: `thing ${i + 1}`,
      region: { box: [x, y, cw - 8, ch - 8] },
      description: "",
      parts: [
        {
          id: "edge",
          name: "edge",
          region: { box: [x + 4, y + 4, (cw - 8) / 2, (ch - 8) / 3] },
          description: "",
          attributes: [{ name: "thickness", value: "thin", visual: true }],
          affordances: ["pry open a lid"],
        },
      ],
    };
  });
  return {
    schemaVersion: 1,
    id,
    version: 1,
    title: "Original title",
    setting: "home_office",
    task: "The lid is stuck and I have no screwdriver. What can I use?",
    constraints: ["No screwdriver"],
    distractorSimilarity: "mixed",
    scene: { image: upload.file, width: upload.width, height: upload.height },
    entities,
    gold: [
      { entity: "thing-1", part: "edge", affordance: "pry open a lid", requiredAttributes: [], howTo: "Wedge it." },
    ],
    source: { kind: "authored", license: "CC-BY-4.0", attribution: "e2e" },
  };
}

async function createViaApi(request: APIRequestContext, doc: unknown) {
  const res = await request.post("/api/scenarios", {
    headers: { "X-Mmcb-Annotator": "setup" },
    data: { scenario: doc },
  });
  expect(res.status(), await res.text()).toBe(201);
}

test.describe("scenario editor", () => {
  test("creates a scenario from an uploaded photo with two entities and parts drawn with the mouse; the CLI validates the saved folder", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const photo = await deskPhoto(path.join(SHOTS, "desk.jpg"));
    const ed = await EditorPage.as(page, "Alice");
    await page.goto("/scenarios");
    await page.getByTestId("gallery-new-scenario").click();
    await expect(page).toHaveURL(/\/scenarios\/new$/);
    await page.getByTestId("editor-upload-input").setInputFiles(photo);
    await ed.waitForCanvas();
    expect((await ed.state()).image).toEqual({ width: 1200, height: 800 });

    // scenario fields
    const id = `desk-e2e-${Date.now().toString(36)}`;
    await ed.field("scenario-id").fill(id);
    await ed.field("title").fill("Open the paint tin at the desk");
    await ed
      .field("task")
      .fill("The paint tin lid is stuck and there is no screwdriver. What on my desk can pry it open?");
    await ed.field("constraints").fill("No screwdriver\nDo not bend the lid");

    // entity 1: a box over the mug, then a part box (its handle) inside it
    await ed.drawBox("e", { x: 140, y: 190 }, { x: 560, y: 530 });
    let s = await ed.state();
    expect(s.doc.entities).toHaveLength(1);
    expect(s.selection).toEqual({ entity: 0, part: null });
    const [bx, by, bw, bh] = s.doc.entities[0]!.region.box as [number, number, number, number];
    expect(bx).toBeCloseTo(140, -1);
    expect(by).toBeCloseTo(190, -1);
    expect(bw).toBeCloseTo(420, -1);
    expect(bh).toBeCloseTo(340, -1);
    await ed.drawBox("p", { x: 430, y: 270 }, { x: 545, y: 450 });
    s = await ed.state();
    expect(s.doc.entities[0]!.parts).toHaveLength(1);
    expect(s.selection).toEqual({ entity: 0, part: 0 });
    await ed.field("part-id").fill("handle");
    await ed.field("part-name").fill("handle");
    await page.getByRole("button", { name: "+ Attribute" }).click();
    await ed.field("affordances").fill("hang on a hook");

    // entity 2: a polygon around the ruler, then a part polygon (its edge) inside it
    await ed.drawPolygon("Shift+E", [
      { x: 640, y: 140 },
      { x: 1065, y: 245 },
      { x: 1030, y: 345 },
      { x: 610, y: 240 },
    ]);
    s = await ed.state();
    expect(s.doc.entities).toHaveLength(2);
    expect(s.doc.entities[1]!.region.polygon).toHaveLength(4);
    expect(s.selection).toEqual({ entity: 1, part: null });
    await ed.field("entity-id").fill("ruler");
    await ed.field("entity-name").fill("steel ruler");
    await ed.drawPolygon("Shift+P", [
      { x: 1000, y: 245 },
      { x: 1050, y: 258 },
      { x: 1025, y: 330 },
    ]);
    s = await ed.state();
    expect(s.doc.entities[1]!.parts).toHaveLength(1);
    await ed.field("part-id").fill("end");
    await ed.field("part-name").fill("thin end");
    await ed.field("affordances").fill("pry open a lid");
    await page.getByRole("button", { name: "+ Attribute" }).click(); // shape: the first vocabulary value
    // a part can be several shapes at once (SPEC §2): tick a second value in the multi-select
    const shapes = page.getByTestId("ed-values-shape");
    await shapes.locator("summary").click();
    await shapes.getByRole("checkbox", { name: "elongated" }).check();
    await expect(shapes.locator("summary")).toHaveText("flat, elongated");
    await expect(shapes.getByRole("checkbox", { name: "flat" })).toBeEnabled();
    await page.screenshot({ path: path.join(SHOTS, "editor-multi-value.png") });
    await shapes.locator("summary").click();

    // name entity 1 from the list
    await page.getByTestId("ed-entity-0").click();
    await ed.field("entity-id").fill("mug");
    await ed.field("entity-name").fill("mug");

    // undo / redo of a drawn region
    await ed.drawBox("e", { x: 700, y: 500 }, { x: 950, y: 700 });
    expect((await ed.state()).doc.entities).toHaveLength(3);
    await ed.key("Control+z");
    expect((await ed.state()).doc.entities).toHaveLength(2);
    await ed.key("Control+Shift+z");
    expect((await ed.state()).doc.entities).toHaveLength(3);
    await page.getByTestId("ed-entity-2").click();
    await ed.key("Delete"); // select the redone box in the list, delete it with the keyboard
    expect((await ed.state()).doc.entities).toHaveLength(2);

    // move the mug's box by dragging it (select tool); the move snaps to the image edge at x = 0
    await ed.key("v");
    await page.getByTestId("ed-entity-0").click();
    await ed.drag({ x: 300, y: 350 }, { x: 162, y: 350 }, 10);
    s = await ed.state();
    expect(s.doc.entities[0]!.region.box![0]).toBe(0);
    // its part (scene pixels: the mug has no separate view) moved with it
    expect(s.doc.entities[0]!.parts[0]!.region.box![0]).toBeCloseTo(430 - 140, -1);
    // one undo step puts both back
    await ed.key("Control+z");
    expect((await ed.state()).doc.entities[0]!.region.box![0]).toBeCloseTo(140, -1);

    // gold: the ruler's end
    await page.getByTestId("ed-entity-1").click();
    await page.locator(".ed-tree__item", { hasText: "thin end" }).click();
    await ed.tab("answers");
    await page.getByTestId("ed-add-gold").click();
    await ed.field("gold-0-affordance").fill("pry open a lid");
    await ed.field("gold-0-howto").fill("Slide the thin end under the lid's rim and lever it up.");
    await expect(ed.validation).toContainText("✓ Valid scenario");
    await page.screenshot({ path: path.join(SHOTS, "editor-new.png") });

    await ed.save.click();
    await expect(page).toHaveURL(new RegExp(`/scenarios/${id}/edit$`), { timeout: 20_000 });
    await ed.waitForCanvas();
    expect((await ed.state()).baseVersion).toBe(1);

    // the saved folder, in the data folder (never the bundled one), is valid for the CLI
    const dir = path.join(USER_SCENARIOS, id);
    const saved = JSON.parse(readFileSync(path.join(dir, "scenario.json"), "utf8")) as ReturnType<typeof scenarioDoc>;
    expect(saved.version).toBe(1);
    expect(saved.entities.map((e) => e.id)).toEqual(["mug", "ruler"]);
    expect(saved.entities[1]!.region).toHaveProperty("polygon");
    expect(saved.entities[0]!.parts[0]!.id).toBe("handle");
    expect(saved.schemaVersion).toBe(2);
    expect(saved.entities[1]!.parts[0]!.attributes).toContainEqual({
      name: "shape",
      value: ["flat", "elongated"],
      visual: true,
    });
    expect(saved.scene.image).toMatch(/^images\/[0-9a-f-]{36}\.jpg$/);
    const cli = spawnSync("node", ["cli/mmcb.js", "scenarios", "validate", USER_SCENARIOS], { encoding: "utf8" });
    expect(cli.status, `${cli.stdout}${cli.stderr}`).toBe(0);
    expect(`${cli.stdout}${cli.stderr}`).toMatch(/scenarios? checked: (\d+) valid, 0 invalid/);
    await page.screenshot({ path: path.join(SHOTS, "editor-saved.png") });

    // export: a zip with the folder in the SPEC format
    const zip = await page.request.get(`/api/scenarios/${id}/export`);
    expect(zip.status()).toBe(200);
    expect(zip.headers()["content-type"]).toBe("application/zip");
    const bytes = await zip.body();
    expect(bytes.includes(Buffer.from(`${id}/scenario.json`))).toBe(true);
  });

  test("a concurrent edit: the second save shows both versions and nothing is lost", async ({ browser, request }) => {
    test.setTimeout(90_000);
    const photo = await deskPhoto(path.join(SHOTS, "desk-conflict.jpg"));
    const id = `conflict-e2e-${Date.now().toString(36)}`;
    await createViaApi(request, scenarioDoc(id, await uploadViaApi(request, photo)));

    const alice = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const bob = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const a = await EditorPage.as(await alice.newPage(), "Alice");
    const b = await EditorPage.as(await bob.newPage(), "Bob");
    await a.gotoEdit(id);
    await b.gotoEdit(id);

    await a.tab("scenario");
    await a.field("title").fill("Alice's title");
    await a.save.click();
    await expect(a.status).toHaveText("Saved as version 2");

    await b.tab("scenario");
    await b.field("title").fill("Bob's title");
    await b.page.keyboard.press("Control+s");
    await expect(b.conflict).toBeVisible();
    await expect(b.page.getByTestId("conflict-mine-title")).toHaveText("Bob's title");
    await expect(b.page.getByTestId("conflict-latest-title")).toHaveText("Alice's title");
    await expect(b.page.getByTestId("conflict-diff")).toContainText("title differs");
    await expect(b.conflict).toContainText(/kept on the server \(draft #\d+\)/);
    await b.page.screenshot({ path: path.join(SHOTS, "editor-conflict.png") });
    // the stored scenario is Alice's; Bob's edit is still in his editor
    const stored = (await (await request.get(`/api/scenarios/${id}`)).json()) as {
      scenario: { version: number; title: string };
    };
    expect(stored.scenario).toMatchObject({ version: 2, title: "Alice's title" });
    expect((await b.state()).doc.title).toBe("Bob's title");

    // Bob puts his edit on top of version 2 and saves version 3
    await b.page.getByTestId("conflict-rebase").click();
    await expect(b.conflict).toBeHidden();
    expect((await b.state()).baseVersion).toBe(2);
    await b.save.click();
    await expect(b.status).toHaveText("Saved as version 3");
    const after = (await (await request.get(`/api/scenarios/${id}`)).json()) as {
      scenario: { version: number; title: string };
    };
    expect(after.scenario).toMatchObject({ version: 3, title: "Bob's title" });
    await alice.close();
    await bob.close();
  });

  test("a draft is refused on Publish with each failed check as a sentence, then published once ready", async ({
    page,
    request,
  }) => {
    test.setTimeout(120_000);
    const photo = await deskPhoto(path.join(SHOTS, "desk-publish.jpg"));
    const upload = await uploadViaApi(request, photo);
    const id = `publish-e2e-${Date.now().toString(36)}`;
    // two entities and tier "mixed" with no similar part: fails two checks
    const title = `Publish flow ${id}`;
    await createViaApi(request, { ...scenarioDoc(id, upload, 2), title });

    // a draft: badge in the gallery, not offered by the new-run form (not in "All")
    await page.goto(`/scenarios?status=draft`);
    const card = page.locator(`[data-testid="scenario-card"][data-scenario-id="${id}"]`);
    await expect(card.getByTestId("draft-badge")).toHaveText("draft");
    await expect(page.getByTestId("filter-status-draft")).toHaveAttribute("aria-current", "true");
    await page.screenshot({ path: path.join(SHOTS, "gallery-drafts.png") });
    await page.goto(`/scenarios/${id}`);
    await expect(page.getByTestId("scenario-draft-badge")).toHaveText("draft");
    await page.goto("/runs/new");
    await expect(page.getByTestId("new-run-page")).not.toContainText(title);

    const ed = await EditorPage.as(page, "Alice");
    await ed.gotoEdit(id);
    await expect(page.getByTestId("editor-draft-note")).toContainText("not part of “All”");
    await page.screenshot({ path: path.join(SHOTS, "editor-draft.png") });
    await page.getByTestId("editor-publish").click();
    const refused = page.getByTestId("editor-publish-refused");
    await expect(refused).toBeVisible();
    const failures = page.getByTestId("editor-publish-failures").locator("li");
    await expect(failures).toHaveText([
      "The scenario has 2 candidate entities; a published scenario needs at least 3.",
      "The tier is mixed but 0 of 1 non-gold entity has a part in similar[]; mixed needs some non-gold entities with a similar part and some without.",
    ]);
    await page.screenshot({ path: path.join(SHOTS, "editor-publish-refused.png") });

    // made ready (3 entities, tier dissimilar without similar parts) and saved: Publish accepts it
    const ready = { ...scenarioDoc(id, upload, 3), title, distractorSimilarity: "dissimilar" };
    const put = await request.put(`/api/scenarios/${id}`, {
      headers: { "X-Mmcb-Annotator": "setup" },
      data: { scenario: ready, baseVersion: 1 },
    });
    expect(put.status(), await put.text()).toBe(200);
    await ed.gotoEdit(id);
    await page.getByTestId("editor-publish").click();
    await expect(page.getByTestId("editor-published")).toContainText("Published version 2");
    await expect(page.getByTestId("editor-publish")).toHaveCount(0);
    await page.screenshot({ path: path.join(SHOTS, "editor-published.png") });
    expect(existsSync(path.join(DATA_DIR, "scenarios", id, "scenario.json"))).toBe(true);
    expect(existsSync(path.join(USER_SCENARIOS, id))).toBe(false);

    await page.goto(`/scenarios?q=${encodeURIComponent(id)}`);
    await expect(card).toBeVisible();
    await expect(card.getByTestId("draft-badge")).toHaveCount(0);
    await page.goto(`/scenarios/${id}`);
    await expect(page.getByTestId("scenario-title")).toHaveText(title);
    await expect(page.getByTestId("scenario-draft-badge")).toHaveCount(0);
    await page.goto("/runs/new");
    await page.locator("label", { has: page.getByTestId("scope-pick") }).click();
    await expect(page.getByTestId("new-run-page")).toContainText(title);
  });

  test("uploads are checked by content and size, and client file names are never used", async ({ page, request }) => {
    const ed = await EditorPage.as(page, "Alice");
    await page.goto("/scenarios/new");
    await page.getByTestId("editor-upload-input").setInputFiles({
      name: "../../etc/passwd.png",
      mimeType: "image/png",
      buffer: Buffer.from("root:x:0:0:root:/root:/bin/bash\n"),
    });
    await expect(page.getByTestId("editor-upload-error")).toContainText("not a PNG, JPEG or WebP image");
    await page.screenshot({ path: path.join(SHOTS, "editor-upload-refused.png") });
    expect(ed).toBeTruthy();

    const text = await request.post("/api/scenarios/uploads", {
      headers: { "X-Mmcb-Annotator": "x" },
      multipart: { file: { name: "evil.png", mimeType: "image/png", buffer: Buffer.from("<?php echo 1; ?>") } },
    });
    expect(text.status()).toBe(415);
    expect(((await text.json()) as { error: { code: string } }).error.code).toBe("input:unsupported_type");

    const big = Buffer.alloc(21 * 1024 * 1024);
    big.set([0xff, 0xd8, 0xff]);
    const tooBig = await request.post("/api/scenarios/uploads", {
      headers: { "X-Mmcb-Annotator": "x" },
      multipart: { file: { name: "big.jpg", mimeType: "image/jpeg", buffer: big } },
    });
    expect(tooBig.status()).toBe(413);
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe("input:too_large");

    const photo = await deskPhoto(path.join(SHOTS, "desk-names.jpg"), 300, 200);
    const crafted = await request.post("/api/scenarios/uploads", {
      headers: { "X-Mmcb-Annotator": "x" },
      multipart: {
        file: { name: `../../${"a".repeat(3000)}\u0000.png`, mimeType: "image/png", buffer: readFileSync(photo) },
      },
    });
    expect(crafted.status()).toBe(201);
    const { upload } = (await crafted.json()) as { upload: { name: string; file: string } };
    expect(upload.name).toMatch(/^[0-9a-f-]{36}\.jpg$/);
    expect(upload.file).toBe(`images/${upload.name}`);

    // saving an invalid document answers 422 with the validator's one-line messages
    const bad = await request.post("/api/scenarios", {
      headers: { "X-Mmcb-Annotator": "x" },
      data: {
        scenario: {
          ...scenarioDoc("bad-gold", { file: upload.file, width: 300, height: 200 }),
          gold: [{ entity: "thing-1", part: "rim", affordance: "x", requiredAttributes: [], howTo: "x" }],
        },
      },
    });
    expect(bad.status()).toBe(422);
    const body = (await bad.json()) as { error: { code: string; issues: string[] } };
    expect(body.error.code).toBe("scenario:invalid");
    expect(body.error.issues).toContainEqual(
      expect.stringMatching(/gold\[0\]\.part: "rim" is not a part of entity "thing-1"$/),
    );
  });

  test("stays smooth with a 4000×3000 photo and 60 regions", async ({ page, request }) => {
    test.setTimeout(120_000);
    const photo = await deskPhoto(path.join(SHOTS, "desk-large.jpg"), 4000, 3000);
    const id = `large-e2e-${Date.now().toString(36)}`;
    await createViaApi(request, scenarioDoc(id, await uploadViaApi(request, photo), 60));
    const ed = await EditorPage.as(page, "Perf");
    const t0 = Date.now();
    await ed.gotoEdit(id);
    const loadMs = Date.now() - t0;
    expect((await ed.state()).doc.entities).toHaveLength(60);

    // drag one region across the canvas and count animation frames meanwhile
    await page.getByTestId("ed-entity-0").click();
    const s = await ed.state();
    const [x, y, w, h] = s.doc.entities[0]!.region.box as [number, number, number, number];
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__frames = [];
      w.__stop = false;
      const tick = (t: number) => {
        w.__frames.push(t);
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const start = Date.now();
    await ed.drag({ x: x + w / 2, y: y + h / 2 }, { x: x + w / 2 + 900, y: y + h / 2 + 700 }, 60);
    const dragMs = Date.now() - start;
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __stop: boolean };
      w.__stop = true;
      return w.__frames;
    });
    const gaps = frames
      .slice(1)
      .map((t, i) => t - frames[i]!)
      .sort((p, q) => p - q);
    const median = gaps[Math.floor(gaps.length / 2)] ?? Infinity;
    const p95 = gaps[Math.floor(gaps.length * 0.95)] ?? Infinity;
    const moved = (await ed.state()).doc.entities[0]!.region.box!;
    expect(moved[0]).toBeGreaterThan(x + 500);
    const summary = `4000×3000 photo, 60 entities + 60 parts: page ready in ${loadMs} ms; a 60-step drag took ${dragMs} ms, ${frames.length} frames, median frame gap ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`;
    test.info().annotations.push({ type: "measurement", description: summary });
    writeFileSync(path.join(SHOTS, "perf.txt"), `${summary}\n`);
    console.log(summary);
    // generous bound for a shared 2-core machine: frames keep coming while dragging
    expect(median).toBeLessThan(100);
    await page.screenshot({ path: path.join(SHOTS, "editor-large.png") });
  });
});
