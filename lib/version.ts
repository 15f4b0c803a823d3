import pkg from "../package.json";

/** The app version recorded in run configurations. */
export const APP_VERSION: string = pkg.version;
