/** Scoring (SPEC §5): one episode at a time, then aggregation over a run. */
export * from "./episode";
export * from "./text";
