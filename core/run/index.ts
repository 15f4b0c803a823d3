export * from "./config";
export * from "./seeds";
