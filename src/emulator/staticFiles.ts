// Serves the web chat page from src/emulator/web (no build step).
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import type { ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const contentTypes: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
};

/** Next to this module when run from source; compiled builds do not copy web/, so fall back to the source tree. */
function webDirectory(): string {
  const beside = fileURLToPath(new URL("./web/", import.meta.url));
  if (existsSync(join(beside, "index.html"))) return beside;
  return resolve(process.cwd(), "src/emulator/web");
}

const directory = webDirectory();

export async function serveStatic(pathname: string, res: ServerResponse): Promise<boolean> {
  const name = pathname === "/" ? "index.html" : pathname.slice(1);
  // Flat directory with plain names only: nothing to traverse.
  if (!/^[a-z0-9-]+\.(html|js|css|svg)$/i.test(name)) return false;
  let body: Buffer;
  try {
    body = await readFile(join(directory, name));
  } catch {
    return false;
  }
  const extension = name.split(".").pop()!.toLowerCase();
  res.writeHead(200, {
    "content-type": contentTypes[extension] ?? "application/octet-stream",
    "content-length": body.length,
    "cache-control": "no-cache",
    // Mini Apps open in an iframe: https pages, or a bot's HTTP server on this machine (see webApps.ts).
    "content-security-policy": "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:; frame-src https: http://127.0.0.1:* http://localhost:* http://[::1]:*",
  });
  res.end(body);
  return true;
}
