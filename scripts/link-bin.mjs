// `npx mmcb` in a checkout: npm does not link a package's own `bin` into its node_modules/.bin,
// so postinstall does it (a relative symlink, so the checkout can move).
import { mkdirSync, rmSync, symlinkSync, chmodSync } from "node:fs";
import path from "node:path";

const binDir = path.join("node_modules", ".bin");
const target = path.join(binDir, "mmcb");
mkdirSync(binDir, { recursive: true });
rmSync(target, { force: true });
symlinkSync(path.relative(binDir, path.join("cli", "mmcb.js")), target);
chmodSync(path.join("cli", "mmcb.js"), 0o755);
