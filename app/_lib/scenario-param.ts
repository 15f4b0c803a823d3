import { getScenario } from "@/lib/scenarios/store";

/** The scenario a page's `[id]` segment names, or null (a segment that cannot be an id names nothing). */
export async function scenarioFromParam(id: string) {
  return /^[a-z0-9-]+$/.test(id) ? getScenario(id) : null;
}
