import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";

/** Where `npm run build:desk` puts the page: <project>/dist/desk (from src/desk/server and from dist/desk/server alike). */
export const DESK_PAGE_DIRECTORY = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../dist/desk");

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".json": "application/json",
};
/** Worth compressing; fonts and pictures are compressed already. */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".svg", ".json"]);
/** One path segment of an asset's name: no "..", no hidden files, nothing a shell or a URL would read twice. */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

export type PageFile =
  | { kind: "file"; body: Uint8Array; headers: Record<string, string> }
  | { kind: "not-built" }
  | { kind: "not-found" };

interface Prepared {
  mtimeMs: number;
  size: number;
  plain: Buffer;
  gzip?: Buffer;
  br?: Buffer;
}

/**
 * The desk's built page (index.html and its hashed assets) from disk, compressed once per file
 * version and kept in memory (a few hundred kilobytes): brotli or gzip by the request's
 * Accept-Encoding. index.html is never cached by the client (it names the current assets); assets
 * have content hashes in their names, so they are cached for a year.
 */
export function createDeskPage(directory: string = DESK_PAGE_DIRECTORY) {
  const prepared = new Map<string, Prepared>();

  async function load(file: string): Promise<Prepared | undefined> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return undefined;
    }
    if (!info.isFile()) return undefined;
    const known = prepared.get(file);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
    const plain = await readFile(file);
    const entry: Prepared = { mtimeMs: info.mtimeMs, size: info.size, plain };
    if (COMPRESSIBLE.has(path.extname(file))) {
      entry.gzip = gzipSync(plain, { level: 9 });
      entry.br = brotliCompressSync(plain, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: plain.length } });
    }
    prepared.set(file, entry);
    return entry;
  }

  function encode(entry: Prepared, acceptEncoding: string): { body: Buffer; encoding?: "br" | "gzip" } {
    const accepts = (name: string) => new RegExp(`(^|[\\s,])${name}(?!;\\s*q=0(\\.0*)?(\\s|,|$))`).test(acceptEncoding);
    if (entry.br && accepts("br")) return { body: entry.br, encoding: "br" };
    if (entry.gzip && accepts("gzip")) return { body: entry.gzip, encoding: "gzip" };
    return { body: entry.plain };
  }

  /** `relative` is "" for index.html, or the path under assets/ ("desk-3f2a.js"). */
  async function file(relative: "" | { asset: string }, acceptEncoding = ""): Promise<PageFile> {
    const index = await load(path.join(directory, "index.html"));
    if (!index) return { kind: "not-built" };
    let entry = index;
    let name = "index.html";
    if (relative !== "") {
      const segments = relative.asset.split("/");
      if (segments.length > 3 || !segments.every((segment) => SAFE_SEGMENT.test(segment))) return { kind: "not-found" };
      const full = path.join(directory, "assets", ...segments);
      if (!full.startsWith(path.join(directory, "assets") + path.sep)) return { kind: "not-found" };
      name = segments.at(-1)!;
      const contentType = CONTENT_TYPES[path.extname(name)];
      const asset = contentType ? await load(full) : undefined;
      if (!asset) return { kind: "not-found" };
      entry = asset;
    }
    const { body, encoding } = encode(entry, acceptEncoding);
    const headers: Record<string, string> = {
      "content-type": CONTENT_TYPES[path.extname(name)]!,
      "cache-control": relative === "" ? "no-cache" : "public, max-age=31536000, immutable",
      vary: "Accept-Encoding",
    };
    if (encoding) headers["content-encoding"] = encoding;
    return { kind: "file", body, headers };
  }

  return { file };
}

export type DeskPage = ReturnType<typeof createDeskPage>;
