import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { NewRunPage, RunPage, RunsListPage } from "./pages/runs-pages";
import { listScenarios } from "./support/scenarios";

// scripts/e2e-server.mjs starts `mmcb mock-server` next to the app on this port
const MOCK_PORT = Number(process.env.E2E_MOCK_PORT ?? Number(process.env.E2E_PORT ?? 3123) + 1000);
const MOCK_URL = `http://127.0.0.1:${MOCK_PORT}/v1`;
const KEY_REFUSED = "Incorrect API key provided for this scenario (flaky test endpoint).";

/**
 * An OpenAI-compatible endpoint for the test: it lists the model `flaky` (so the preflight passes), refuses
 * with 401 every chat request whose conversation contains one of `failing` (a scenario's task), and passes
 * every other request on to the mock server's `mock-oracle`.
 */
async function flakyEndpoint(failing: Set<string>): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.method === "GET" && req.url?.endsWith("/models"))
        return send(200, { object: "list", data: [{ id: "flaky", object: "model", owned_by: "test" }] });
      const text = Buffer.concat(chunks).toString("utf8");
      if ([...failing].some((task) => text.includes(JSON.stringify(task).slice(1, -1))))
        return send(401, { error: { message: KEY_REFUSED, type: "invalid_request_error", code: "invalid_api_key" } });
      const body = JSON.parse(text) as Record<string, unknown>;
      void fetch(`${MOCK_URL}/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...body, model: "mock-oracle" }),
      }).then(
        async (r) => send(r.status, await r.json()),
        () => send(502, { error: { message: "mock unreachable" } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1` };
}

test.describe("run actions", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a live run shows Cancel; cancelled, it can be deleted after a confirm and is gone from the list", async ({
    page,
    request,
  }) => {
    // a lexical run long enough to still play while the page is open
    const started = await request.post("/api/runs", {
      data: { solver: "lexical", scenarios: "all", seeds: "1-1000", maxTurns: 8, observation: "image" },
    });
    expect(started.status()).toBe(201);
    const { runId } = (await started.json()) as { runId: string };
    const run = new RunPage(page);
    await run.goto(runId);
    await run.waitForStatus("running");
    await expect(page.getByTestId("run-cancel")).toBeVisible();
    await expect(page.getByTestId("run-delete")).toHaveCount(0);
    await page.screenshot({ path: "reports/runui/run-live.png", fullPage: false });

    await page.getByTestId("run-cancel").click();
    await run.waitForStatus("cancelled", 30_000);
    await expect(page.getByTestId("run-status")).toHaveText("cancelled");
    await expect(page.getByTestId("run-cancel")).toHaveCount(0);
    const status = await request.get(`/api/runs/${encodeURIComponent(runId)}`);
    const { progress } = (await status.json()) as { progress: { status: string; done: number; total: number } };
    expect(progress.status).toBe("cancelled");
    expect(progress.done).toBeLessThan(progress.total);

    // Delete asks first; "Keep it" keeps it
    await page.getByTestId("run-delete").click();
    const dialog = page.getByTestId("delete-dialog");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`Delete run ${runId}?`);
    await page.screenshot({ path: "reports/runui/run-delete-dialog.png", fullPage: false });
    await page.getByTestId("delete-keep").click();
    await expect(dialog).toBeHidden();
    expect((await request.get(`/api/runs/${encodeURIComponent(runId)}`)).status()).toBe(200);

    // the run may still be writing its last episode back for a moment after the cancel
    await expect
      .poll(
        async () => {
          await page.getByTestId("run-delete").click();
          await page.getByTestId("delete-confirm").click();
          await page.waitForURL(/\/runs$/, { timeout: 5_000 }).catch(() => undefined);
          return new URL(page.url()).pathname;
        },
        { timeout: 30_000 },
      )
      .toBe("/runs");
    const list = new RunsListPage(page);
    expect(await list.runIds()).not.toContain(runId);
    expect((await request.get(`/api/runs/${encodeURIComponent(runId)}`)).status()).toBe(404);
  });

  test("errored episodes: 'N errors' in amber (list and page), Retry replays them; all errored shows failed with the sentence", async ({
    page,
    request,
  }) => {
    const { scenarios } = await listScenarios(request);
    const [a, b] = scenarios.slice(0, 2);
    const tasks = new Map<string, string>();
    for (const s of [a!, b!]) {
      const res = await request.get(`/api/scenarios/${s.id}`);
      expect(res.status()).toBe(200);
      tasks.set(s.id, ((await res.json()) as { scenario: { task: string } }).scenario.task);
    }
    const failing = new Set([tasks.get(a!.id)!]);
    const { server, url } = await flakyEndpoint(failing);
    try {
      const start = async (ids: string[]) => {
        const res = await request.post("/api/runs", {
          data: {
            solver: "openai",
            scenarios: ids,
            seeds: "1",
            maxTurns: 8,
            observation: "image",
            openai: {
              baseUrl: url,
              model: "flaky",
              apiKeyEnv: "OPENAI_API_KEY",
              temperature: null,
              imageHistory: "last",
              reasoningHistory: "keep",
              entityLabels: "names",
              concurrency: 2,
              useCache: false,
            },
          },
        });
        expect(res.status(), await res.text()).toBe(201);
        return ((await res.json()) as { runId: string }).runId;
      };

      // one scenario's episodes are refused: the run finishes with "1 error", not "done"
      const runId = await start([a!.id, b!.id]);
      const run = new RunPage(page);
      await run.goto(runId);
      await run.waitForStatus("done", 60_000);
      const badge = page.getByTestId("run-progress").getByTestId("run-status");
      await expect(badge).toHaveText("1 error");
      await expect(badge).toHaveAttribute("data-status", "errors");
      expect(await badge.evaluate((el) => getComputedStyle(el).color)).toBe("rgb(146, 64, 14)"); // amber
      await expect(page.getByTestId("run-retry")).toBeVisible();
      await page.screenshot({ path: "reports/runui/run-errors.png", fullPage: false });
      const list = new RunsListPage(page);
      await list.goto();
      await expect(list.row(runId).getByTestId("run-status")).toHaveText("1 error");

      // the endpoint recovers; Retry plays the errored episode again and the run is done without errors
      failing.clear();
      await run.goto(runId);
      await page.getByTestId("run-retry").click();
      await expect(page.getByTestId("run-progress").getByTestId("run-status")).toHaveText("done", { timeout: 60_000 });
      await expect(page.getByTestId("run-retry")).toHaveCount(0);
      await page.screenshot({ path: "reports/runui/run-done.png", fullPage: false });

      // every episode refused: failed, with the first error as one sentence
      failing.add(tasks.get(a!.id)!);
      const allBad = await start([a!.id]);
      await run.goto(allBad);
      await run.waitForStatus("failed", 60_000);
      await expect(page.getByTestId("run-progress").getByRole("alert")).toContainText(
        /refused the API key in OPENAI_API_KEY \(HTTP 401\)/,
      );
      await expect(page.getByTestId("run-retry")).toBeVisible();
      await page.screenshot({ path: "reports/runui/run-all-errored.png", fullPage: false });
      await list.goto();
      await expect(list.row(allBad).getByTestId("run-status")).toHaveText("failed");
    } finally {
      server.close();
    }
  });

  test("a preflight failure is shown inline by the endpoint fields", async ({ page, request }) => {
    const form = new NewRunPage(page);
    await form.goto();
    await form.chooseSolver("openai");
    await form.field("Base URL").fill("http://127.0.0.1:9/v1"); // nothing listens on the discard port
    await form.field("Model").fill("any-model");
    const { scenarios } = await listScenarios(request);
    await form.pickScenarios([scenarios[0]!.id]);
    await form.start.click();
    const inline = page.getByTestId("openai-fields").getByTestId("endpoint-error");
    await expect(inline).toBeVisible({ timeout: 30_000 });
    await expect(inline).toContainText(/127\.0\.0\.1:9|reach|connect/i);
    await expect(page.getByTestId("form-error")).toHaveCount(0);
    await expect(page).toHaveURL(/\/runs\/new$/);
    await page.getByTestId("openai-fields").screenshot({ path: "reports/runui/new-run-preflight.png" });
  });
});
