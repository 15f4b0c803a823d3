/**
 * Node side of the renderer: bundles `render3d/browser/main.ts` with esbuild, opens it in headless Chromium
 * (SwiftShader WebGL 2) through Playwright, and renders views. One page is reused for every view.
 */
import { build } from "esbuild";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright";
import type { ViewRequest, ViewResponse } from "../protocol";
import { hashOf } from "../model/build";

const ROOT = path.resolve(__dirname, "..", "..");

/** Bundles the browser renderer into one script (text). */
export async function bundleRenderer(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(ROOT, "render3d/browser/main.ts")],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2022",
    minify: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}

export interface Renderer {
  render(req: ViewRequest): Promise<ViewResponse>;
  /** Hash of the renderer's code: part of every cache key. */
  readonly version: string;
  close(): Promise<void>;
}

/** Starts Chromium with the renderer page loaded. */
export async function startRenderer(): Promise<Renderer> {
  const script = await bundleRenderer();
  const browser: Browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
  });
  const page: Page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.setContent("<!doctype html><html><body style='margin:0;background:#000'></body></html>");
  await page.addScriptTag({ content: script });
  const ok = await page.evaluate(() => typeof (window as unknown as { MMCB3D?: unknown }).MMCB3D === "object");
  if (!ok) throw new Error(`render3d: the renderer page did not start (${errors.join("; ") || "no error reported"})`);
  return {
    version: hashOf({ script }).slice(0, 16),
    async render(req) {
      try {
        return await page.evaluate(
          (r) =>
            (window as unknown as { MMCB3D: { renderView(q: unknown): Promise<ViewResponse> } }).MMCB3D.renderView(r),
          req as unknown as ViewRequest,
        );
      } catch (e) {
        const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
        throw new Error(`render3d: rendering a ${req.camera.mode} view failed: ${msg}`, { cause: e });
      }
    },
    async close() {
      await browser.close();
    },
  };
}
