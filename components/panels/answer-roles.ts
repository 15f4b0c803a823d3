import type { Scenario } from "@/core/scenario/schema";

export type AnswerRole = "gold" | "similar";

/** Gold and similar roles by entity id and by `entity/part`; gold wins when a part is listed in both. */
export function answerRoles(scenario: Scenario): { entities: Map<string, AnswerRole>; parts: Map<string, AnswerRole> } {
  const entities = new Map<string, AnswerRole>();
  const parts = new Map<string, AnswerRole>();
  for (const s of scenario.similar ?? []) {
    entities.set(s.entity, "similar");
    parts.set(`${s.entity}/${s.part}`, "similar");
  }
  for (const g of scenario.gold) {
    entities.set(g.entity, "gold");
    parts.set(`${g.entity}/${g.part}`, "gold");
  }
  return { entities, parts };
}
