/**
 * Readiness to publish (SPEC §9): a scenario made or edited in the browser is a draft until it passes
 * these checks, which go beyond validity — what makes a scenario a fair benchmark item. Pure.
 */
import { regionBounds } from "./geometry";
import type { Region, Scenario } from "./schema";

/** One readiness check and, when it failed, why (one sentence). */
export interface ReadinessCheck {
  readonly id: "entities" | "tier" | "gold-inspectable" | "validator";
  readonly ok: boolean;
  readonly message: string;
}

/** Fewest candidate entities a published scenario has. */
export const MIN_PUBLISHED_ENTITIES = 3;
/** Smallest side (pixels) of a region a tool can show as a view. */
const MIN_REGION_SIDE = 4;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Whether the declared tier (`distractorSimilarity`) agrees with `similar[]`, counted over the
 * non-gold entities that hold an affordance-similar part (the bundled library's rule):
 * `dissimilar` ⇒ none of them; `mixed` ⇒ some but not all; `similar` ⇒ at least half.
 */
export function tierAgreement(scenario: Scenario): { ok: boolean; message: string } {
  const gold = new Set(scenario.gold.map((g) => g.entity));
  const nonGold = scenario.entities.filter((e) => !gold.has(e.id));
  const withSimilar = new Set((scenario.similar ?? []).map((s) => s.entity).filter((id) => !gold.has(id)));
  const n = withSimilar.size;
  const entities = nonGold.length === 1 ? "1 non-gold entity" : `${nonGold.length} non-gold entities`;
  const of = `${n} of ${entities} ${n === 1 || nonGold.length === 1 ? "has" : "have"} a part in similar[]`;
  switch (scenario.distractorSimilarity) {
    case "dissimilar":
      return n === 0
        ? { ok: true, message: "The tier dissimilar agrees with similar[] (no non-gold entity has a similar part)." }
        : {
            ok: false,
            message: `The tier is dissimilar but ${of}; remove those similar[] entries or choose the tier mixed or similar.`,
          };
    case "mixed":
      return n > 0 && n < nonGold.length
        ? { ok: true, message: `The tier mixed agrees with similar[] (${of}).` }
        : {
            ok: false,
            message: `The tier is mixed but ${of}; mixed needs some non-gold entities with a similar part and some without.`,
          };
    case "similar":
      return nonGold.length > 0 && n * 2 >= nonGold.length
        ? { ok: true, message: `The tier similar agrees with similar[] (${of}).` }
        : {
            ok: false,
            message: `The tier is similar but ${of}; similar needs at least half of them to hold a part listed in similar[].`,
          };
  }
}

const visible = (region: Region) => {
  const b = regionBounds(region);
  return b.w >= MIN_REGION_SIDE && b.h >= MIN_REGION_SIDE;
};

/**
 * Every readiness check, passed or not. `validatorMessages` are the validator's lines for the stored
 * files (none for a scenario that loads cleanly).
 */
export function readinessChecks(scenario: Scenario, validatorMessages: readonly string[] = []): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [];
  const count = scenario.entities.length;
  checks.push(
    count >= MIN_PUBLISHED_ENTITIES
      ? { id: "entities", ok: true, message: `The scenario has ${count} candidate entities.` }
      : {
          id: "entities",
          ok: false,
          message: `The scenario has ${count === 1 ? "1 candidate entity" : `${count} candidate entities`}; a published scenario needs at least ${MIN_PUBLISHED_ENTITIES}.`,
        },
  );
  checks.push({ id: "tier", ...tierAgreement(scenario) });

  const hidden: string[] = [];
  for (const g of scenario.gold) {
    const entity = scenario.entities.find((e) => e.id === g.entity);
    const part = entity?.parts.find((p) => p.id === g.part);
    if (!entity || !part) hidden.push(`${g.entity}/${g.part} does not exist`);
    else if (!entity.view && !visible(entity.region))
      hidden.push(`entity ${g.entity} has no view and a region too small to show`);
    else if (!part.view && !visible(part.region))
      hidden.push(`${g.entity}/${g.part} has no view and a region too small to show`);
  }
  checks.push(
    hidden.length === 0
      ? { id: "gold-inspectable", ok: true, message: "Every gold part can be inspected with the tools." }
      : {
          id: "gold-inspectable",
          ok: false,
          message: `A gold part cannot be inspected with the tools: ${hidden.join("; ")}.`,
        },
  );
  checks.push(
    validatorMessages.length === 0
      ? { id: "validator", ok: true, message: "The validator reports no problem." }
      : {
          id: "validator",
          ok: false,
          message: `The validator reports ${plural(validatorMessages.length, "problem")}: ${validatorMessages[0]}`,
        },
  );
  return checks;
}
