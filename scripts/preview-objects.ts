/**
 * Authoring previews for the object knowledge base, written as PNG sheets (not committed):
 *
 *   npx tsx scripts/preview-objects.ts [--out data/preview] [<object-id>…]             part regions on each icon
 *     (options: --size <px per tile> --columns <n>)
 *   npx tsx scripts/preview-objects.ts --icons <icon-name>…                          raw icons on a 10 % grid
 *
 * Look at the sheets before adding or moving a part region: each region must sit on its part of the drawing.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { hasIcon } from "@/lib/artwork/icons";
import { iconGridPreview, objectPreview, tileSheet } from "@/lib/artwork/preview";
import { allObjects } from "@/scenario-src/objects";

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      out: { type: "string", default: path.join("data", "preview") },
      only: { type: "string", multiple: true },
      icons: { type: "boolean", default: false },
      size: { type: "string", default: "360" },
      columns: { type: "string", default: "4" },
    },
    allowPositionals: true,
    strict: true,
  });
  const size = Number(values.size);
  const columns = Number(values.columns);
  const perSheet = columns * 3;
  await mkdir(values.out, { recursive: true });
  let tiles: Buffer[];
  let prefix: string;
  if (values.icons) {
    const unknown = positionals.filter((n) => !hasIcon(n));
    if (unknown.length > 0) throw new Error(`no Fluent Emoji icon named ${unknown.join(", ")}`);
    tiles = await Promise.all(positionals.map((n) => iconGridPreview(n, size)));
    prefix = "icons";
  } else {
    const only = [...(values.only ?? []), ...positionals];
    const objects = allObjects().filter((o) => only.length === 0 || only.includes(o.id));
    if (objects.length === 0) throw new Error(`no object with id ${only.join(", ")}`);
    tiles = await Promise.all(objects.map((o) => objectPreview(o, size)));
    prefix = "objects";
  }
  for (let i = 0; i < tiles.length; i += perSheet) {
    const file = path.join(values.out, `${prefix}-${String(i / perSheet + 1).padStart(2, "0")}.png`);
    await writeFile(file, await tileSheet(tiles.slice(i, i + perSheet), columns));
    console.log(file);
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
