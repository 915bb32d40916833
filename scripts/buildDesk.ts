// Builds the coordinator's desk page (src/desk/web, Preact + TSX) with esbuild into dist/desk/:
// index.html and assets/desk-<hash>.js, .css and the font files, minified, no source maps shipped.
// `npm run build:desk`; the bot's server serves the folder at /desk/ (src/desk/server).
// The words the page shows before its session answers come from locales/*.ftl (BOOT_KEYS).

import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { BOOT_KEYS } from "../src/desk/web/bootStrings.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface DeskBuild {
  outDir: string;
  /** Paths relative to outDir of everything index.html loads (the JS and the CSS). */
  entryFiles: string[];
}

/** Simple `key = value` lines of a Fluent file (the boot strings are single-line, no placeables). */
async function bootStrings(): Promise<Record<string, Record<string, string>>> {
  const localesDir = path.join(root, "locales");
  const strings: Record<string, Record<string, string>> = {};
  for (const file of (await readdir(localesDir)).filter((f) => f.endsWith(".ftl"))) {
    const locale = file.replace(/\.ftl$/, "");
    const keys: Record<string, string> = {};
    for (const line of (await readFile(path.join(localesDir, file), "utf8")).split("\n")) {
      const match = /^([a-z][a-z0-9-]*)\s*=\s*(.+)$/.exec(line);
      if (match && (BOOT_KEYS as readonly string[]).includes(match[1]!)) keys[match[1]!] = match[2]!.trim();
    }
    strings[locale] = keys;
  }
  return strings;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export async function buildDesk(outDir = path.join(root, "dist", "desk")): Promise<DeskBuild> {
  // Only the page's own files: `tsc -p tsconfig.build.json` (run first by `npm run build`) puts the
  // desk's compiled server code in dist/desk/server and dist/desk/shared, which the bot imports.
  await rm(path.join(outDir, "assets"), { recursive: true, force: true });
  await rm(path.join(outDir, "index.html"), { force: true });
  await mkdir(path.join(outDir, "assets"), { recursive: true });
  const boot = await bootStrings();
  const result = await build({
    absWorkingDir: root,
    entryPoints: { desk: "src/desk/web/main.tsx" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    tsconfig: "src/desk/web/tsconfig.json",
    outdir: path.join(outDir, "assets"),
    entryNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    loader: { ".woff2": "file" },
    define: { __DESK_BOOT_STRINGS__: JSON.stringify(boot), "process.env.NODE_ENV": '"production"' },
    legalComments: "none",
    charset: "utf8",
    metafile: true,
    logLevel: "warning",
  });
  const outputs = Object.keys(result.metafile.outputs).map((file) => path.relative(outDir, path.resolve(root, file)).split(path.sep).join("/"));
  const js = outputs.find((f) => /^assets\/desk-[A-Z0-9]+\.js$/.test(f));
  const css = outputs.find((f) => /^assets\/desk-[A-Z0-9]+\.css$/.test(f));
  if (!js || !css) throw new Error(`desk build: no JS or CSS among ${outputs.join(", ")}`);
  const loading = boot.fa?.["desk-loading"] ?? "…";
  // No inline script or style: the page's Content-Security-Policy allows only files from 'self'.
  const html = `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>Desk</title>
<link rel="stylesheet" href="./${css}">
<script type="module" src="./${js}"></script>
</head>
<body>
<div id="desk"><p class="boot hint">${escapeHtml(loading)}</p></div>
</body>
</html>
`;
  await writeFile(path.join(outDir, "index.html"), html);
  return { outDir, entryFiles: [js, css] };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const built = await buildDesk();
  console.log(`desk built in ${path.relative(root, built.outDir)}: ${built.entryFiles.join(", ")}`);
}
