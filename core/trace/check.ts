/**
 * Whether a trace can be scored against the scenario set: its scenario exists and every step names a
 * known tool unless the step was recorded as invalid (a model calling a tool that does not exist is a
 * legitimate invalid step; an unknown tool recorded as valid means the trace itself is broken).
 */
import type { Scenario } from "../scenario";
import { getTool } from "../tools";
import type { Trace } from "./schema";

/** Problems that make a trace unscorable, each `path: message`. Empty when it can be scored. */
export function traceProblems(trace: Trace, scenario: Scenario | undefined): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (!scenario) problems.push({ path: "scenarioId", message: `unknown scenario "${trace.scenarioId}"` });
  trace.steps.forEach((step, i) => {
    if (step.valid !== false && !getTool(step.call.tool)) {
      problems.push({
        path: `steps[${i}].call.tool`,
        message: `unknown tool "${step.call.tool}" in a step not marked invalid`,
      });
    }
  });
  return problems;
}
