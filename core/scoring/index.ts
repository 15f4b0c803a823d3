/** Scoring (SPEC §5): one episode at a time, then aggregation and paired comparison over runs. */
export * from "./episode";
export * from "./text";
export * from "./affordance";
export * from "./aggregate";
export * from "./compare";
export * from "./document";
