#!/usr/bin/env node
// Entry point of the `mmcb` command: runs the TypeScript CLI through tsx (no build step).
"use strict";
const path = require("node:path");
process.env.MMCB_APP_ROOT ??= path.join(__dirname, "..");
process.env.TSX_TSCONFIG_PATH ??= path.join(__dirname, "..", "tsconfig.json");
require("tsx/cjs");
require("./main.ts");
