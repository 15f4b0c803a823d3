/** The scenario format: schema, vocabulary, validation, geometry and views. */
export * from "./schema";
export * from "./vocabulary";
export * from "./validate";
export * from "./geometry";
export * from "./views";
export * from "./json-schema";
