import { spawn, type ChildProcess } from "node:child_process";
import mongoose from "mongoose";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { driverCall, waitForBotText, webChatUrlIn } from "../support/webChatDriver.js";

const root = path.resolve(import.meta.dirname, "../..");
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
});

interface Running {
  child: ChildProcess;
  webUrl: string;
  output: () => string;
}

/** `npm start` without a token, as a newcomer runs it (the database comes from the test run). */
async function startLocalBot(extraEnv: Record<string, string> = {}): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: root,
    env: { PATH: process.env.PATH, MONGODB_URI: database.uri, EMULATOR_PORT: "0", PORT: "0", LOG_LEVEL: "warn", ...extraEnv },
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const webUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 30_000);
    const check = () => {
      const url = webChatUrlIn(output);
      if (url) {
        clearTimeout(timer);
        resolve(url);
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  return { child, webUrl, output: () => output };
}

async function stop(running: Running): Promise<{ code: number | null; ms: number }> {
  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => running.child.on("exit", (code) => resolve(code)));
  running.child.kill("SIGTERM");
  return { code: await exited, ms: Date.now() - started };
}

describe("npm start without a token (local mode)", () => {
  it("prints a web chat URL; /start greets in Persian; the chosen language survives a restart; SIGTERM stops it within 10 s", async () => {
    let running = await startLocalBot();
    const page = await fetch(running.webUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<html");

    const user = await driverCall<{ id: number }>(running.webUrl, "POST", "users", { firstName: "Maryam", languageCode: "fa" });
    await driverCall(running.webUrl, "POST", `users/${user.id}/messages`, { command: "start" });
    expect(await waitForBotText(running.webUrl, user.id, /سلام/)).toContain("این ربات");

    await driverCall(running.webUrl, "POST", `users/${user.id}/messages`, { command: "language" });
    await waitForBotText(running.webUrl, user.id, /زبان خود را انتخاب کنید/);
    await driverCall(running.webUrl, "POST", `users/${user.id}/press`, { label: "English" });
    await waitForBotText(running.webUrl, user.id, /Language changed to English/);

    const first = await stop(running);
    expect(first.code).toBe(0);
    expect(first.ms).toBeLessThan(10_000);

    // A new process (and a new emulator): the language is remembered in the database.
    running = await startLocalBot();
    const again = await driverCall<{ id: number }>(running.webUrl, "POST", "users", { id: user.id, firstName: "Maryam", languageCode: "fa" });
    await driverCall(running.webUrl, "POST", `users/${again.id}/messages`, { command: "start" });
    expect(await waitForBotText(running.webUrl, again.id, /^Hello\./)).toContain("Choose from the menu below.");
    expect((await stop(running)).code).toBe(0);
  }, 60_000);

  it("a newcomer's first start seeds the marked demo cases in the background; the next start seeds nothing more", async () => {
    const client = new mongoose.mongo.MongoClient(database.uri);
    await client.connect();
    try {
      const db = client.db(database.name);
      // The first test's starts were stopped mid-seeding (or finished it): either way this one ends with one demo.
      let running = await startLocalBot();
      const deadline = Date.now() + 150_000;
      while (!(await db.collection<{ _id: string }>("app_meta").findOne({ _id: "demo-data", seededAt: { $ne: null } })) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 500));
      expect(await db.collection<{ _id: string }>("app_meta").findOne({ _id: "demo-data" })).toMatchObject({ cases: 300 });
      expect(await db.collection("cases").countDocuments()).toBe(300);
      expect((await stop(running)).code).toBe(0);

      running = await startLocalBot();
      await new Promise((r) => setTimeout(r, 2_000));
      expect((await stop(running)).code).toBe(0);
      expect(await db.collection("cases").countDocuments()).toBe(300);
      expect(await db.collection("petitions").countDocuments()).toBe(1);
      expect(await db.collection("events").countDocuments()).toBe(1);
    } finally {
      await client.close();
    }
  }, 200_000);
});
