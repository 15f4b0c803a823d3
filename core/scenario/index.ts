/** The scenario format: schema, vocabulary, validation, geometry and views. */
export * from "./schema";
export * from "./migrate";
export * from "./vocabulary";
export * from "./requirements";
export * from "./validate";
export * from "./geometry";
export * from "./views";
export * from "./json-schema";
export * from "./readiness";
