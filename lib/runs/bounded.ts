/**
 * Stored step arguments as a page shows them: a model may send arguments of any shape (thousands of
 * levels deep, megabytes long), and the replay page serialises every step for the browser and
 * pretty-prints it, so an unbounded value makes a page of tens of megabytes. Deep and huge values are cut
 * to a preview here, with a marker saying what was left out; well-formed calls are far inside the limits
 * and pass unchanged. Pure.
 */
import type { TraceStep } from "@/core/engine";

export const SHOWN_DEPTH = 8;
export const SHOWN_ITEMS = 50;
export const SHOWN_STRING = 2000;
/** Roughly how many characters of JSON one step's arguments may take on the page. */
export const SHOWN_TOTAL = 16_000;

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters not shown)` : text;

/** `value` with nesting below {@link SHOWN_DEPTH}, long strings, long lists and big objects cut short. */
export function boundedValue(value: unknown): unknown {
  let budget = SHOWN_TOTAL;
  const walk = (v: unknown, depth: number): unknown => {
    if (budget <= 0) return "…";
    if (typeof v === "string") {
      const shown = clip(v, Math.min(SHOWN_STRING, Math.max(budget, 16)));
      budget -= shown.length + 2;
      return shown;
    }
    if (v === null || typeof v !== "object") {
      budget -= 8;
      return v;
    }
    if (depth >= SHOWN_DEPTH) {
      budget -= 30;
      return Array.isArray(v) ? "[… nested deeper than shown]" : "{… nested deeper than shown}";
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (let i = 0; i < v.length && i < SHOWN_ITEMS && budget > 0; i++) out.push(walk(v[i], depth + 1));
      if (out.length < v.length) out.push(`… ${v.length - out.length} more items not shown`);
      return out;
    }
    const out: Record<string, unknown> = {};
    const keys = Object.keys(v);
    let shown = 0;
    for (const key of keys) {
      if (shown >= SHOWN_ITEMS || budget <= 0) break;
      const k = clip(key, 200);
      budget -= k.length + 4;
      out[k] = walk((v as Record<string, unknown>)[key], depth + 1);
      shown++;
    }
    if (shown < keys.length) out["…"] = `${keys.length - shown} more fields not shown`;
    return out;
  };
  return walk(value, 0);
}

/** A stored step as the replay page gets it: arguments bounded, long texts clipped. */
export function boundedStep(step: TraceStep): TraceStep {
  return {
    ...step,
    call: { tool: clip(step.call.tool, 200), args: boundedValue(step.call.args) },
    ...(step.raw !== undefined ? { raw: clip(step.raw, 4 * SHOWN_STRING) } : {}),
    ...(step.error !== undefined ? { error: clip(step.error, SHOWN_STRING) } : {}),
    ...(step.assistantText !== undefined ? { assistantText: clip(step.assistantText, 10 * SHOWN_STRING) } : {}),
  };
}
