/** The episode engine (SPEC §3): reducer, prompt, episode loop. */
export * from "./types";
export * from "./engine";
export * from "./prompt";
export * from "./run";
