// Writes the JSON Schemas of the public formats from their zod schemas (npm run schema:json). A unit test
// fails when a committed file is out of date.
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "@/core/scenario";
import { traceJsonSchema } from "@/core/trace";

for (const [file, schema] of [
  ["schema/scenario.v2.schema.json", scenarioJsonSchema()],
  ["schema/trace.v1.schema.json", traceJsonSchema()],
] as const) {
  writeFileSync(file, JSON.stringify(schema, null, 2) + "\n");
  console.log(`wrote ${file}`);
}
