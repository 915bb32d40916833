// There is no Docker engine on the machines that run CI, so the deployment files are checked as text:
// what the image runs on, what it installs, and what compose exposes.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IMAGE_NODE_FLAGS } from "../../bench/support/botProcess.js";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

const packageJson = JSON.parse(read("package.json")) as {
  engines: { node: string };
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Node majors that are (or were) LTS lines still supported on 2026-11-27: 22 (maintenance), 24 (maintenance), 26 (active). */
const SUPPORTED_LTS_MAJORS = [22, 24, 26];
const DEV_TOOLS = ["tsx", "typescript", "vitest", "eslint", "typescript-eslint", "@eslint/js", "@types/node", "pino-pretty", "playwright-core", "mongodb-memory-server-core"];

/** Dockerfile instructions (comments dropped, continuation lines joined), split into stages at FROM. */
function dockerStages(text: string): { from: string; instructions: string[] }[] {
  const lines = text
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
  const stages: { from: string; instructions: string[] }[] = [];
  for (const line of lines) {
    if (/^FROM\s/i.test(line)) stages.push({ from: line, instructions: [] });
    else stages.at(-1)?.instructions.push(line);
  }
  return stages;
}

/** The uncommented lines of one top-level service of a compose file (by indentation). */
function composeService(text: string, name: string): string[] {
  const lines = text.split("\n").filter((l) => !l.trim().startsWith("#"));
  const start = lines.findIndex((l) => l === `  ${name}:`);
  if (start === -1) return [];
  const block: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^ {0,2}\S/.test(line)) break; // the next service or top-level key
    block.push(line);
  }
  return block;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Development tools inside src/ that the production build leaves out (tsconfig.build.json). */
const DEVELOPMENT_ONLY = ["src/localMode.ts", "src/emulator", "src/db/server"];
const isDevelopmentOnly = (file: string) => DEVELOPMENT_ONLY.some((dev) => path.relative(path.join(root, dev), file).split(path.sep)[0] !== "..");

/** Package names the compiled code imports (bare specifiers; node: built-ins left out). */
function packagesImportedBySrc(): Set<string> {
  const names = new Set<string>();
  for (const file of walk(path.join(root, "src")).filter((f) => !isDevelopmentOnly(f))) {
    const text = readFileSync(file, "utf8");
    // Imports, and packages used for their files (a font resolved with require.resolve).
    for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+|resolve\(\s*)["']([^"'./][^"']*)["']/g)) {
      const specifier = match[1] as string;
      if (specifier.startsWith("node:")) continue;
      const parts = specifier.split("/");
      names.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] as string));
    }
  }
  return names;
}

describe("the Docker image", () => {
  const stages = dockerStages(read("Dockerfile"));

  it("builds and runs on a supported Node LTS, not the end-of-life Node 20", () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) {
      const major = Number(/^FROM\s+node:(\d+)[-.\s]/i.exec(stage.from + " ")?.[1]);
      expect(SUPPORTED_LTS_MAJORS, stage.from).toContain(major);
    }
  });

  it("installs only production dependencies in the runtime stage and runs the compiled code with node", () => {
    const runtime = stages.at(-1)!;
    const text = runtime.instructions.join("\n");
    expect(text).toMatch(/RUN npm ci --omit=dev/);
    expect(text).not.toMatch(/\btsx\b/);
    expect(text).not.toMatch(/npm (install|i)\b/);
    expect(runtime.instructions).toContain('CMD ["node", "dist/main.js"]');
    expect(text).toMatch(/^USER node$/m);
  });

  it("caps the old space as bench:updates measured it (the benchmark's bot runs with the image's flags)", () => {
    const env = stages.at(-1)!.instructions.filter((line) => /^ENV\s/i.test(line)).join(" ");
    expect(env).toContain(`NODE_OPTIONS=${IMAGE_NODE_FLAGS}`);
  });

  it("copies into the runtime stage only the compiled code, the translations and the package files", () => {
    const copies = stages.at(-1)!.instructions.filter((line) => /^(COPY|ADD)\s/i.test(line));
    const sources = copies.map((line) => line.replace(/^(COPY|ADD)\s+(--\S+\s+)*/i, "").split(/\s+/).slice(0, -1).join(" "));
    expect(sources.sort()).toEqual(["/app/dist", "locales", "package.json package-lock.json"]);
    expect(copies.find((line) => line.includes("/app/dist"))).toMatch(/--from=build/);
  });

  it("is built from a dist/ that holds no emulator, no database launcher and no local mode", () => {
    const build = JSON.parse(read("tsconfig.build.json").replace(/^\s*\/\/.*$/gm, "")) as { exclude?: string[] };
    expect(build.exclude).toEqual(expect.arrayContaining(DEVELOPMENT_ONLY));
    expect(stages[0]!.instructions).toContain("RUN npm run build");
    expect(JSON.parse(read("package.json")).scripts.build).toBe("tsc -p tsconfig.build.json && npm run build:desk");
    // Excluding is not enough if production code imports them: the compiler would pull them back in.
    const compiled = execFileSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json", "--listFilesOnly"], { cwd: root, encoding: "utf8" })
      .split("\n")
      .filter((file) => file.startsWith(path.join(root, "src")));
    expect(compiled.length).toBeGreaterThan(50);
    expect(compiled.filter(isDevelopmentOnly)).toEqual([]);
    expect(compiled).toContain(path.join(root, "src/main.ts"));
  }, 30_000);
});

describe("the desk's page in the image", () => {
  const build = dockerStages(read("Dockerfile"))[0]!.instructions;

  it("is bundled in the build stage from the page's sources and the locale files, and reaches the runtime inside dist/", () => {
    const scripts = JSON.parse(read("package.json")).scripts as Record<string, string>;
    expect(scripts["build:desk"]).toBe("tsx scripts/buildDesk.ts");
    const runBuild = build.indexOf("RUN npm run build");
    for (const copy of ["COPY src ./src", "COPY scripts/buildDesk.ts ./scripts/", "COPY locales ./locales"]) {
      expect(build.indexOf(copy), copy).toBeGreaterThan(-1);
      expect(build.indexOf(copy), copy).toBeLessThan(runBuild);
    }
    // The server code's build leaves the browser code to esbuild (it has no DOM types).
    const buildConfig = JSON.parse(read("tsconfig.build.json").replace(/^\s*\/\/.*$/gm, "")) as { exclude?: string[] };
    expect(buildConfig.exclude).toContain("src/desk/web");
  });
});

describe("src/main.ts (what the image runs)", () => {
  const main = read("src/main.ts");
  const staticImports = [...main.matchAll(/^import\s[^;]*?from\s+["']([^"']+)["']/gm)].map((m) => m[1]);

  it("imports neither the emulator nor the database launcher nor local mode statically", () => {
    expect(staticImports.length).toBeGreaterThan(3);
    for (const specifier of staticImports) expect(specifier).not.toMatch(/emulator|db\/server|localMode\.js/);
  });

  it("loads local mode only on demand, by a name the compiler does not follow", () => {
    expect(main).toMatch(/const LOCAL_MODE_MODULE = "\.\/localMode\.js";/);
    expect(main).toMatch(/await import\(LOCAL_MODE_MODULE\)/);
    expect(main).not.toMatch(/import\(\s*["']/);
  });
});

describe("package.json", () => {
  it("keeps dev tools (tsx among them) out of the production dependencies", () => {
    for (const tool of DEV_TOOLS) expect(Object.keys(packageJson.dependencies), tool).not.toContain(tool);
    expect(packageJson.devDependencies).toHaveProperty("tsx");
  });

  it("lists no production dependency the code does not import, and the code imports nothing else", () => {
    const imported = packagesImportedBySrc();
    const production = Object.keys(packageJson.dependencies);
    expect(production.filter((name) => !imported.has(name))).toEqual([]);
    expect([...imported].filter((name) => !production.includes(name))).toEqual([]);
    expect(production).not.toContain("@grammyjs/menu");
    expect(production).not.toContain("@grammyjs/runner");
  });

  it("still allows Node 20, which CI on these machines runs", () => {
    expect(packageJson.engines.node).toMatch(/>=20\.\d+/);
    const [major, minor] = process.versions.node.split(".").map(Number);
    expect(major === 20 ? (minor ?? 0) >= 19 : (major ?? 0) >= 22).toBe(true);
  });
});

describe("docker compose", () => {
  const compose = read("docker-compose.yml");
  const webhookOverride = read("docker-compose.webhook.yml");

  it("gives MongoDB a root password from .env and refuses to start without one", () => {
    const mongo = composeService(compose, "mongo").join("\n");
    expect(mongo).toMatch(/MONGO_INITDB_ROOT_USERNAME: \$\{MONGO_USERNAME(:-\w+)?\}/);
    expect(mongo).toMatch(/MONGO_INITDB_ROOT_PASSWORD: \$\{MONGO_PASSWORD:\?set MONGO_PASSWORD in \.env\}/);
    expect(mongo).not.toMatch(/^\s+ports:/m);
  });

  it("connects the bot with those credentials, authenticated against the admin database", () => {
    const bot = composeService(compose, "bot").join("\n");
    expect(bot).toMatch(/MONGODB_URI: mongodb:\/\/\$\{MONGO_USERNAME(:-\w+)?\}:\$\{MONGO_PASSWORD:\?set MONGO_PASSWORD in \.env\}@mongo:27017\/\w+\?authSource=admin/);
  });

  it("publishes the bot's port only with the webhook override, and only on the host's loopback", () => {
    expect(composeService(compose, "bot").join("\n")).not.toMatch(/^\s+ports:/m);
    const webhookBot = composeService(webhookOverride, "bot");
    expect(webhookBot.join("\n")).toMatch(/^\s+ports:/m);
    const published = webhookBot.filter((l) => /^\s+- /.test(l));
    expect(published.length).toBeGreaterThan(0);
    for (const line of published) expect(line).toMatch(/- "127\.0\.0\.1:/);
  });

  it(".env.example names every variable compose needs", () => {
    const example = read(".env.example");
    expect(example).toMatch(/^MONGO_USERNAME=/m);
    expect(example).toMatch(/^MONGO_PASSWORD=$/m);
  });
});
