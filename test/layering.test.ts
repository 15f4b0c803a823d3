// The lint rule that keeps core/ framework-free must really fire (STYLE.md).
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const eslint = new ESLint({ cwd: path.resolve(__dirname, "..") });
const lint = async (file: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.resolve(__dirname, "..", file) });
  return result!.messages.map((m) => m.ruleId);
};

describe("layer rule", () => {
  it.each(["react", "next/server", "@prisma/client", "openai", "konva", "zustand", "sharp", "@/lib/config"])(
    "refuses %s in core/",
    async (mod) => {
      expect(await lint("core/scenario/probe.ts", `import x from "${mod}";\nexport const y = x;\n`)).toContain(
        "no-restricted-imports",
      );
    },
  );

  it("allows zod and core-relative imports in core/, and react outside core/", async () => {
    expect(
      await lint(
        "core/scenario/probe.ts",
        `import { z } from "zod";\nimport { formatPath } from "../errors";\nexport const y = [z, formatPath];\n`,
      ),
    ).toEqual([]);
    expect(await lint("lib/probe.ts", `import x from "react";\nexport const y = x;\n`)).toEqual([]);
  });
});
