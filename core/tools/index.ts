/** The tool protocol (SPEC §3), declared once. */
export * from "./types";
export * from "./registry";
