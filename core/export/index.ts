/**
 * Training-data export (SPEC §7), framework-free: the neutral message model, transcripts rebuilt from
 * traces, the guided policy, the pair builders (turn-level guided, trajectory-level, human) and SFT
 * records, the formats with their validators, the split and the dataset card.
 */
export * from "./messages";
export * from "./transcript";
export * from "./guided";
export * from "./judge";
export * from "./hard-negative";
export * from "./turn-pairs";
export * from "./trajectory-pairs";
export * from "./human-pairs";
export * from "./sft";
export * from "./split";
export * from "./options";
export * from "./card";
export * from "./formats";
