/**
 * Suggestions for the answer's affordance field: generic physical actions (CreativityBench phrases its
 * affordances as verb phrases). The list is independent of any scenario, so it reveals no answer; the
 * field stays free text and is scored by token F1 (SPEC §5).
 */
export const AFFORDANCE_SUGGESTIONS: readonly string[] = [
  "pry open",
  "lever up",
  "wedge into a gap",
  "turn a screw",
  "cut",
  "scrape",
  "poke through",
  "scoop",
  "pour",
  "hold liquid",
  "tie together",
  "bind",
  "hang from",
  "hook and pull",
  "reach into a narrow space",
  "extend reach",
  "press flat",
  "hammer",
  "prop open",
  "support weight",
  "wipe",
  "absorb liquid",
  "seal a gap",
  "stick together",
  "insulate",
  "weigh down",
  "measure",
  "mark",
  "protect from heat",
  "cover",
];
