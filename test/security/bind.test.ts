// The server binds to this machine only unless told otherwise (issue #8: "the server binds to localhost
// unless told otherwise"). scripts/start.mjs --dry-run prints the `next` command it would run.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..");

function dryRun(env: Record<string, string | undefined>, ...flags: string[]) {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["MMCB_HOST", "HOST", "PORT", "MMCB_PORT", "MMCB_TOKEN"]) delete base[key];
  const r = spawnSync(process.execPath, ["scripts/start.mjs", "--dry-run", ...flags], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...base, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function args(env: Record<string, string | undefined>, ...flags: string[]): string[] {
  const r = dryRun(env, ...flags);
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { args: string[] }).args;
}

describe("scripts/start.mjs host binding", () => {
  it("binds next start to 127.0.0.1:3000 by default", () => {
    expect(args({})).toEqual(["start", "-H", "127.0.0.1", "-p", "3000"]);
    expect(args({}, "--dev")).toEqual(["dev", "-H", "127.0.0.1", "-p", "3000"]);
  });

  it("ignores the generic HOST variable (shells set it to the machine name)", () => {
    expect(args({ HOST: "0.0.0.0" })).toContain("127.0.0.1");
    expect(args({ HOST: "build-box-7" })).not.toContain("build-box-7");
  });

  it("binds elsewhere only when MMCB_HOST says so", () => {
    const a = args({ MMCB_HOST: "0.0.0.0", MMCB_TOKEN: "t" });
    expect(a.slice(1, 3)).toEqual(["-H", "0.0.0.0"]);
    expect(args({ MMCB_HOST: "  " }).slice(1, 3)).toEqual(["-H", "127.0.0.1"]);
  });

  it("takes the port from MMCB_PORT or PORT and refuses a port that is not a number", () => {
    expect(args({ PORT: "4100" }).at(-1)).toBe("4100");
    expect(args({ PORT: "4100", MMCB_PORT: "4200" }).at(-1)).toBe("4200");
    const bad = dryRun({ PORT: "80; rm -rf /" });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('the port "80; rm -rf /" is not a number');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it("the e2e server also binds to 127.0.0.1", () => {
    const source = readFileSync(path.join(ROOT, "scripts", "e2e-server.mjs"), "utf8");
    expect(source).toMatch(/"-H",\s*"127\.0\.0\.1"/);
  });
});
