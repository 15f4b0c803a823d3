/** `mmcb mock-server`: a local OpenAI-compatible mock model server (scripted solvers, fault injection). */
import type { Command } from "commander";
import { z } from "zod";
import { formatIssue, MmcbError } from "@/core/errors";
import { defaultScenariosDir } from "@/lib/config";
import { FAULT_KINDS, startMockServer, type FaultKind, type FaultSpec } from "@/lib/model/mock-server";
import { loadScenarioStore } from "@/lib/scenarios/load";

/** Commander's camelCase key of each `--fault-<kind>` flag. */
const FAULT_FLAGS: Record<FaultKind, string> = {
  drop: "faultDrop",
  "429": "fault429",
  "500": "fault500",
  malformed: "faultMalformed",
  "no-tool": "faultNoTool",
  slow: "faultSlow",
};

const FAULT_HELP: Record<FaultKind, string> = {
  "429": "reply 429 with Retry-After",
  "500": "reply 500",
  slow: "delay a reply by --slow-ms",
  malformed: "send a tool call whose arguments are broken JSON",
  "no-tool": "reply with text and no tool call",
  drop: "close the connection without a response",
};

const int = (flag: string, min: number, max: number) =>
  z.coerce
    .number({ message: `${flag} must be a number` })
    .int({ message: `${flag} must be a whole number` })
    .min(min, { message: `${flag} must be at least ${min}` })
    .max(max, { message: `${flag} must be at most ${max}` });

const optionsSchema = z.object({
  port: int("--port", 0, 65535),
  latency: int("--latency", 0, 600_000),
  slowMs: int("--slow-ms", 0, 600_000),
  retryAfter: int("--retry-after", 0, 3600),
  seed: int("--seed", 0, 2 ** 32 - 1),
  scenarios: z.string(),
  quiet: z.boolean().optional(),
});

/** `0.1` → a rate; `every:5` → every 5th chat request; `0` → off. */
export function parseFaultSpec(flag: string, text: string): FaultSpec | undefined {
  const every = /^every:(\d+)$/.exec(text.trim());
  if (every) {
    const n = Number(every[1]);
    if (n < 1) throw new MmcbError("input:invalid", `${flag} every:N needs N ≥ 1`);
    return { every: n };
  }
  const rate = Number(text);
  if (text.trim() === "" || Number.isNaN(rate) || rate < 0 || rate > 1) {
    throw new MmcbError(
      "input:invalid",
      `${flag} takes a rate from 0 to 1 (e.g. 0.1) or every:N (e.g. every:5), not "${text}"`,
    );
  }
  return rate === 0 ? undefined : rate;
}

const ordinal = (n: number) => {
  const suffix =
    n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th");
  return `${n}${suffix}`;
};
const describeSpec = (spec: FaultSpec) =>
  typeof spec === "number"
    ? `${spec * 100}% of requests`
    : spec.every === 1
      ? "every request"
      : `every ${ordinal(spec.every)} request`;

export function registerMockServerCommand(program: Command): void {
  const command = program
    .command("mock-server")
    .description(
      "run a mock OpenAI-compatible model server on 127.0.0.1 (models mock-oracle, mock-random, mock-hallucinator) until Ctrl-C",
    )
    .option("--port <n>", "port (0 picks a free one)", "8089")
    .option("--latency <ms>", "delay added to every response", "0")
    .option("--seed <n>", "seed for fault draws and mock-random", "1")
    .option("--scenarios <dir>", "scenario folder the mock solvers know", defaultScenariosDir())
    .option("--slow-ms <ms>", "extra delay of a slow reply", "5000")
    .option("--retry-after <s>", "Retry-After seconds sent with a 429", "1");
  for (const kind of ["429", "500", "slow", "malformed", "no-tool", "drop"] as const)
    command.option(`--fault-${kind} <rate>`, `${FAULT_HELP[kind]}: a rate 0..1 or every:N`);
  command.option("--quiet", "do not log each request").action(async (raw: Record<string, unknown>) => {
    const parsed = optionsSchema.safeParse(raw);
    if (!parsed.success) throw new MmcbError("input:invalid", parsed.error.issues.map((i) => i.message).join("; "));
    const opts = parsed.data;
    const faults: Partial<Record<FaultKind, FaultSpec>> = {};
    for (const kind of FAULT_KINDS) {
      const value = raw[FAULT_FLAGS[kind]];
      if (typeof value !== "string") continue;
      const spec = parseFaultSpec(`--fault-${kind}`, value);
      if (spec !== undefined) faults[kind] = spec;
    }

    const store = await loadScenarioStore(opts.scenarios);
    for (const issue of store.issues) console.error(`skipped: ${formatIssue(issue)}`);
    const server = await startMockServer({
      port: opts.port,
      latencyMs: opts.latency,
      slowMs: opts.slowMs,
      retryAfterSeconds: opts.retryAfter,
      seed: opts.seed,
      faults,
      scenarios: store.scenarios.map((s) => s.scenario),
      ...(opts.quiet ? {} : { log: (line: string) => console.error(line) }),
    });

    console.log(`mock OpenAI-compatible server at ${server.url}`);
    console.log(`models: ${server.models.join(", ")}`);
    console.log(`scenarios: ${server.scenarioCount} from ${opts.scenarios}`);
    const active = Object.entries(faults).map(([kind, spec]) => `${kind} ${describeSpec(spec)}`);
    console.log(
      `faults: ${active.length ? active.join(", ") : "none"}${opts.latency ? `; latency ${opts.latency} ms` : ""} (seed ${opts.seed})`,
    );
    console.log(`try: mmcb eval --solver openai --base-url ${server.url} --model mock-oracle`);
    console.log("Ctrl-C to stop");

    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        void server.close().then(() => {
          console.error(`stopped; ${JSON.stringify(server.stats())}`);
          resolve();
        });
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
  });
}
