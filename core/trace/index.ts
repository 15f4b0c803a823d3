export * from "./schema";
export * from "./check";
export * from "./json-schema";
export * from "./replay";
export * from "./walk";
