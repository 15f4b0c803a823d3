// Writes the JSON Schemas of the public formats from their zod schemas (npm run schema:json), formatted as the
// repository's prettier config says (so `prettier --check` agrees). A unit test fails when a committed file is out
// of date.
import { writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { scenarioJsonSchema } from "@/core/scenario";
import { traceJsonSchema } from "@/core/trace";

async function main(): Promise<void> {
  for (const [file, schema] of [
    ["schema/scenario.v2.schema.json", scenarioJsonSchema()],
    ["schema/trace.v1.schema.json", traceJsonSchema()],
  ] as const) {
    const options = (await resolveConfig(file)) ?? {};
    writeFileSync(file, await format(JSON.stringify(schema, null, 2), { ...options, filepath: file }));
    console.log(`wrote ${file}`);
  }
}

void main();
