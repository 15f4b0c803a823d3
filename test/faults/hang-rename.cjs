// Preloaded with `node -r` to make a process stop for good at its first rename (fs.promises.rename
// never settles): an export then sits with its temporary folder written and its row "running", the
// moment a test kills it with SIGKILL (test of stale exports, cli/exports-clean.test.ts).
/* global setInterval */
"use strict";
const fs = require("node:fs");
const { syncBuiltinESMExports } = require("node:module");

fs.promises.rename = () => new Promise(() => setInterval(() => undefined, 1 << 30));
syncBuiltinESMExports();
