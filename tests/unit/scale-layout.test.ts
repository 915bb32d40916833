// The layout for more than one bot process (docker-compose.scale.yml, deploy/Caddyfile, README
// "Scaling"). No Docker engine runs on the CI machines, so the files are parsed and checked here:
// the replica set and its connection string, the bots in webhook mode, the proxy in front of them.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";

const root = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
// js-yaml is a dev dependency of its own (eslint uses it too); the tests only read YAML, they never write it.
const yaml = createRequire(import.meta.url)("js-yaml") as { load(text: string): unknown };

interface Service {
  image?: string;
  build?: string;
  command?: string[] | string;
  entrypoint?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }> | string[];
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
  networks?: string[];
  network_mode?: string;
  restart?: string;
}
const compose = yaml.load(read("docker-compose.scale.yml")) as { services: Record<string, Service>; networks: Record<string, { internal?: boolean } | null> };
const services = compose.services;
const mongoMembers = ["mongo1", "mongo2", "mongo3"];
const bots = Object.keys(services).filter((name) => services[name]!.build === ".");
const caddyfile = read("deploy/Caddyfile");

/** What a .env filled in as .env.example asks gives compose to substitute. */
const dotEnv: Record<string, string> = {
  BOT_TOKEN: "123456:ABC-DEF1234ghIkl",
  MONGO_PASSWORD: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
  PUBLIC_HOST: "bot.example.org",
  WEBHOOK_SECRET: "a-long-random-secret-0123456789",
  ADMIN_IDS: "1001",
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

/** Compose's variable substitution: ${VAR}, ${VAR:-default}, ${VAR:?error}, and $$ for a literal $. */
function substitute(value: string, env: Record<string, string | undefined>): string {
  return value
    .replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, kind: string | undefined, word: string | undefined) => {
      const set = env[name] !== undefined && env[name] !== "";
      if (set) return env[name]!;
      if (kind === "?") throw new Error(`compose refuses to start: ${word}`);
      return kind === "-" ? word! : "";
    })
    .replace(/\$\$/g, "$");
}

/** The environment a bot process gets: the .env file (env_file), then the service's own environment over it. */
function botEnvironment(name: string, env = dotEnv): Record<string, string> {
  const own = Object.fromEntries(Object.entries(services[name]!.environment ?? {}).map(([key, value]) => [key, substitute(String(value), env)]));
  return { ...env, ...own };
}

describe("docker-compose.scale.yml: MongoDB as a replica set of three", () => {
  it("runs three mongo:7 members of rs0 that authenticate to each other with a key file, each with a health check and its own volume", () => {
    for (const name of mongoMembers) {
      const member = services[name]!;
      expect(member.image, name).toBe("mongo:7");
      expect(member.command, name).toEqual(["mongod", "--replSet", "rs0", "--bind_ip_all", "--keyFile", "/run/mongo-key/keyfile"]);
      expect(member.volumes, name).toContain("mongo-key:/run/mongo-key:ro");
      expect(member.volumes, name).toContain(`${name}-data:/data/db`);
      expect(member.healthcheck?.test.join(" "), name).toContain("ping");
      expect(member.depends_on, name).toEqual({ "mongo-keyfile": { condition: "service_completed_successfully" } });
    }
    const keyfile = services["mongo-keyfile"]!;
    expect(keyfile.command!.toString()).toMatch(/chown 999:999 \/run\/mongo-key\/keyfile && chmod 400/);
    expect(keyfile.network_mode).toBe("none");
  });

  it("publishes no database port and keeps the members on an internal network (no route out)", () => {
    for (const name of [...mongoMembers, "mongo-init"]) {
      expect(services[name]!.ports, name).toBeUndefined();
      expect(services[name]!.networks, name).toEqual(["database"]);
    }
    expect(compose.networks.database).toEqual({ internal: true });
  });

  it("initiates the set once, with the three members the bots connect to, after all three answer, and waits for a primary", () => {
    const init = services["mongo-init"]!;
    expect(init.restart).toBe("no");
    expect(init.depends_on).toEqual(Object.fromEntries(mongoMembers.map((name) => [name, { condition: "service_healthy" }])));
    const script = String(init.command);
    expect(script).toMatch(/rs\.initiate\(\{ _id: "rs0"/);
    expect(script).toContain('e.codeName !== "NotYetInitialized"');
    expect([...script.matchAll(/host: "([\w-]+):27017"/g)].map((m) => m[1])).toEqual(mongoMembers);
    expect(script).toMatch(/db\.hello\(\)\.primary/);
  });
});

describe("docker-compose.scale.yml: several bot processes in webhook mode", () => {
  it("runs at least two bots from the project's Dockerfile, each waiting for the replica set, none published", () => {
    expect(bots.length).toBeGreaterThanOrEqual(2);
    for (const name of bots) {
      const bot = services[name]!;
      expect(bot.depends_on, name).toEqual({ "mongo-init": { condition: "service_completed_successfully" } });
      expect(bot.ports, name).toBeUndefined();
      expect(bot.networks, name).toEqual(["database", "edge"]);
    }
  });

  it("connects every bot to all three members with majority writes, retryable writes and primary reads", () => {
    for (const name of bots) {
      // Not a WHATWG URL (several hosts): user:password@hosts/database?options.
      const parts = /^mongodb:\/\/(\w+):(\w+)@([^/]+)\/(\w+)\?(.+)$/.exec(botEnvironment(name).MONGODB_URI!);
      expect(parts, name).not.toBeNull();
      const [, user, password, hosts, database, options] = parts!;
      expect([user, password, database]).toEqual(["family_reach", dotEnv.MONGO_PASSWORD, "family_reach"]);
      expect(hosts!.split(",")).toEqual(mongoMembers.map((member) => `${member}:27017`));
      expect(Object.fromEntries(new URLSearchParams(options))).toEqual({ authSource: "admin", replicaSet: "rs0", w: "majority", retryWrites: "true", readPreference: "primary" });
    }
  });

  it("gives each bot a configuration the bot accepts: webhook mode at the proxy's https address, the desk beside it", () => {
    for (const name of bots) {
      const config = parseConfig(botEnvironment(name));
      expect(config.mode, name).toBe("webhook");
      if (config.mode !== "webhook") continue;
      expect(config.WEBHOOK_URL).toBe("https://bot.example.org/telegram/webhook");
      expect(config.DESK_URL).toBe("https://bot.example.org/desk/");
      expect(config.MONGODB_URI).toMatch(/replicaSet=rs0/);
      expect(config.PORT).toBe(8080);
    }
  });

  it("sets only variables the bot's configuration knows", () => {
    const schema = read("src/config.ts");
    for (const name of bots) for (const key of Object.keys(services[name]!.environment ?? {})) expect(schema, key).toMatch(new RegExp(`^  ${key}: `, "m"));
  });

  it("substitutes only variables .env.example names", () => {
    const example = read(".env.example");
    const used = new Set([...read("docker-compose.scale.yml").matchAll(/\$\{(\w+)/g)].map((m) => m[1]!));
    expect([...used].sort()).toEqual(["MONGO_PASSWORD", "MONGO_USERNAME", "PUBLIC_HOST", "WEBHOOK_PATH", "WEBHOOK_SECRET"]);
    for (const name of used) expect(example, name).toMatch(new RegExp(`^(# )?${name}=`, "m"));
  });

  it("refuses to start without the database password, the public host or the webhook secret", () => {
    for (const missing of ["MONGO_PASSWORD", "PUBLIC_HOST", "WEBHOOK_SECRET"]) {
      expect(() => botEnvironment(bots[0]!, { ...dotEnv, [missing]: "" }), missing).toThrow(/compose refuses to start: set .* in \.env/);
    }
  });
});

describe("deploy/Caddyfile: TLS and round robin in front of the bots", () => {
  it("is the only published service, on 80 and 443, with the Caddyfile and a volume for its certificates", () => {
    const published = Object.keys(services).filter((name) => services[name]!.ports);
    expect(published).toEqual(["caddy"]);
    expect(services.caddy!.ports).toEqual(["80:80", "443:443"]);
    expect(services.caddy!.volumes).toContain("./deploy/Caddyfile:/etc/caddy/Caddyfile:ro");
    expect(services.caddy!.environment).toMatchObject({ WEBHOOK_PATH: "${WEBHOOK_PATH:-/telegram/webhook}" });
  });

  it("passes on only the webhook path and the desk, round robin to every bot, skipping one that is down", () => {
    const lines = caddyfile.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
    expect(lines[0]).toBe("{$PUBLIC_HOST} {");
    expect(lines).toContain("@bot path {$WEBHOOK_PATH} /desk /desk/*");
    const upstreams = lines.find((line) => line.startsWith("reverse_proxy @bot "))!.replace(/ \{$/, "").split(" ").slice(2);
    expect(upstreams).toEqual(bots.map((name) => `${name}:8080`));
    expect(lines).toContain("lb_policy round_robin");
    expect(lines).toContain("health_uri /healthz");
    expect(lines.some((line) => line.startsWith("lb_try_duration "))).toBe(true);
    // Anything else gets 404: /healthz and whatever else the bot's server answers stay inside.
    expect(lines.at(-2)).toBe("respond 404");
  });
});
