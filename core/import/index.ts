/** Importers from other benchmarks' formats into the scenario format (pure mappings; the I/O is in lib/import). */
export * from "./attribute-text";
export * from "./creativitybench";
export * from "./layout";
