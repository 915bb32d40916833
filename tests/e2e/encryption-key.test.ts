import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFieldCipher, keyIdOf } from "../../src/security/fieldCipher.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { driverCall, waitForBotText, webChatUrlIn } from "../support/webChatDriver.js";

const root = path.resolve(import.meta.dirname, "../..");
const keyA = Buffer.alloc(32, 0x0a);
const keyB = Buffer.alloc(32, 0x0b);
const A = keyA.toString("base64");
const B = keyB.toString("base64");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

interface Finished {
  code: number | null;
  output: string;
}

/** Runs one of the project's entry points as the operator would, with only these variables set. */
function run(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<Finished> } {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    env: { PATH: process.env.PATH, MONGODB_URI: database.uri, EMULATOR_PORT: "0", PORT: "0", LOG_LEVEL: "warn", ...env },
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const exited = new Promise<Finished>((resolve) => child.on("exit", (code, signal) => resolve({ code, output: `${output}${signal ? `\n(killed by ${signal})` : ""}` })));
  return { child, output: () => output, exited };
}

/** Starts the bot (local mode: its own emulator), opens its web chat, lets a user talk, and stops it with SIGTERM. */
async function startAndStop(env: Record<string, string>, whileRunning?: (webUrl: string) => Promise<void>): Promise<Finished & { webChat?: number }> {
  const bot = run("src/main.ts", env);
  const webUrl = await Promise.race([
    new Promise<string>((resolve) => {
      const check = () => {
        const url = webChatUrlIn(bot.output());
        if (url) resolve(url);
      };
      bot.child.stdout!.on("data", check);
    }),
    bot.exited.then(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 30_000)),
  ]);
  if (!webUrl) {
    if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
    return bot.exited;
  }
  const webChat = (await fetch(webUrl)).status;
  try {
    await whileRunning?.(webUrl);
  } finally {
    bot.child.kill("SIGTERM");
  }
  return { ...(await bot.exited), webChat };
}

const maryam = 7_770_000_555;

describe("the data key", () => {
  it("an operator who starts the bot with the wrong key is stopped with exit code 2; after npm run rotate-key the new key alone starts it and knows the families", async () => {
    // Maryam chooses English while the database is under key A (her user row is keyed by a pseudonym under A).
    const first = await startAndStop({ DATA_ENCRYPTION_KEY: A }, async (web) => {
      await driverCall(web, "POST", "users", { id: maryam, firstName: "Maryam", languageCode: "fa" });
      await driverCall(web, "POST", `users/${maryam}/messages`, { command: "language" });
      await waitForBotText(web, maryam, /زبان خود را انتخاب کنید/);
      await driverCall(web, "POST", `users/${maryam}/press`, { label: "English" });
      await waitForBotText(web, maryam, /Language changed to English/);
    });
    expect(first.webChat, first.output).toBe(200);
    expect(first.code, first.output).toBe(0);

    // A different key (a typo, the wrong .env): refused before anything is written.
    const wrong = await run("src/main.ts", { DATA_ENCRYPTION_KEY: B }).exited;
    expect(wrong.code, wrong.output).toBe(2);
    expect(wrong.output).toContain(`DATA_ENCRYPTION_KEY (key id ${keyIdOf(keyB)}) does not match the key this database was written with (key id ${keyIdOf(keyA)})`);
    expect(wrong.output).not.toContain("Open the web chat");

    // Changing keys on purpose: the bot waits for the rotation…
    const rotating = { DATA_ENCRYPTION_KEY: B, DATA_ENCRYPTION_OLD_KEYS: A };
    const early = await run("src/main.ts", rotating).exited;
    expect(early.code, early.output).toBe(2);
    expect(early.output).toContain("run npm run rotate-key");

    // …which re-keys the database and says so per collection, without personal data.
    const rotation = await run("src/rotateKey.ts", rotating).exited;
    expect(rotation.code, rotation.output).toBe(0);
    expect(rotation.output).toContain(`Done: the database is now under key id ${createFieldCipher(keyB).keyId}`);
    expect(rotation.output).toMatch(/^app_meta\s+documents \d+/m);
    expect(rotation.output).toMatch(/^users\s+documents 1 {2}rewritten 1 .*movedIds 1 /m); // Maryam's row, under a new pseudonym

    // Key B alone: Maryam is still known, and greeted in the language she chose.
    const after = await startAndStop({ DATA_ENCRYPTION_KEY: B }, async (web) => {
      await driverCall(web, "POST", "users", { id: maryam, firstName: "Maryam", languageCode: "fa" });
      await driverCall(web, "POST", `users/${maryam}/messages`, { command: "start" });
      expect(await waitForBotText(web, maryam, /^(Hello\.|سلام)/)).toMatch(/^Hello\./);
    });
    expect(after.webChat, after.output).toBe(200);
    expect(after.code, after.output).toBe(0);
    // And the old key is now the wrong one.
    const old = await run("src/main.ts", { DATA_ENCRYPTION_KEY: A }).exited;
    expect(old.code, old.output).toBe(2);
  }, 120_000);
});
