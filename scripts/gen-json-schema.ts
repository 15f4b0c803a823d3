// Writes schema/scenario.v1.schema.json from the zod schema (npm run schema:json). A unit test fails when
// the committed file is out of date.
import { writeFileSync } from "node:fs";
import { scenarioJsonSchema } from "@/core/scenario";

const file = "schema/scenario.v1.schema.json";
writeFileSync(file, JSON.stringify(scenarioJsonSchema(), null, 2) + "\n");
console.log(`wrote ${file}`);
