// The dispatcher lease after a crash: a restarted process takes the lease of a holder that provably
// no longer exists (killed on this machine) at once, and never the lease of a process still running.
import { spawn, type ChildProcess } from "node:child_process";
import { hostname } from "node:os";
import { Api } from "grammy";
import type { Connection } from "mongoose";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { connectDatabase } from "../../src/db/connection.js";
import { createModels, type Models } from "../../src/db/models/index.js";
import { createDeliveryService } from "../../src/delivery/deliveryService.js";
import { DISPATCHER_LEASE, type DeliveryWorker, type DeliveryWorkerOptions } from "../../src/delivery/deliveryWorker.js";
import type { DeliveryJobInput } from "../../src/delivery/types.js";
import type { TelegramEmulator } from "../../src/emulator/index.js";
import { silentLogger } from "../../src/logger.js";
import { pidSpace, provablyDead } from "../../src/processIdentity.js";
import { openTestModels, type TestDatabase } from "../support/database.js";
import { startTestDeliveryWorker } from "../support/deliveryWorker.js";
import { startTestEmulator } from "../support/testEmulator.js";
import { refOf, testCipher } from "../support/userRefs.js";
import { waitFor } from "../support/waitUntil.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
let emulator: TelegramEmulator;
const workers: DeliveryWorker[] = [];
const children: ChildProcess[] = [];
const extraConnections: Connection[] = [];

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
  emulator = await startTestEmulator();
});

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await models.leases.deleteMany({}).exec();
});

afterAll(async () => {
  for (const extra of extraConnections) await extra.close();
  await emulator?.stop();
  await connection?.close();
  await database?.drop();
});

/** A process of this machine that stays up until the test kills it. */
async function startProcess(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  children.push(child);
  await new Promise((resolve, reject) => child.once("spawn", resolve).once("error", reject));
  return child;
}

/** kill -9, and the process reaped: its pid no longer names anything. */
async function killProcess(child: ChildProcess): Promise<void> {
  const gone = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await gone;
}

/** The name a bot process with this pid, on this machine, writes on its leases. */
const instanceOf = (pid: number, space = pidSpace()) => `${hostname()}:${pid}:0a1b2c3d@${space}`;

/** The dispatcher lease as a process left it: held for another minute. */
async function leaseHeldBy(holder: string): Promise<void> {
  await models.leases.collection.insertOne({ _id: DISPATCHER_LEASE, holder, until: new Date(Date.now() + 60_000) } as never);
}

const service = () => createDeliveryService(models, systemClock, { chunkSize: 7, contentCipher: testCipher });
const news = (jobId: string): DeliveryJobInput => ({ jobId, kind: "broadcast", defaultLocale: "en", contentByLocale: { en: { text: `News ${jobId}` } } });

async function enqueueFor(jobId: string, count: number): Promise<number[]> {
  const { firstId } = emulator.createUsers({ count, started: true });
  const ids = Array.from({ length: count }, (_, i) => firstId + i);
  await service().enqueue(news(jobId), ids.map((id) => ({ userId: refOf(id) })));
  return ids;
}

function startWorker(overrides: Partial<DeliveryWorkerOptions> = {}): DeliveryWorker {
  // Ten-second leases as in production: waiting one out would show.
  const worker = startTestDeliveryWorker(emulator, models, { leaseTtlMs: 10_000, ...overrides });
  workers.push(worker);
  return worker;
}

const waitForDone = (jobId: string, timeoutMs: number) =>
  waitFor(() => service().progress(jobId), (p) => p?.state === "done", timeoutMs, `job ${jobId} done`);
const textsOf = (id: number) => (emulator.user(id)?.botMessages() ?? []).map((m) => m.text);

describe("who counts as provably dead", () => {
  it("a process of this machine whose pid is gone; not a running one, not ourselves, not one of another pid space or of another shape", async () => {
    const child = await startProcess();
    expect(provablyDead(instanceOf(child.pid!))).toBe(false);
    await killProcess(child);
    expect(provablyDead(instanceOf(child.pid!))).toBe(true);
    expect(provablyDead(instanceOf(process.pid))).toBe(false);
    // Another container or machine: its pids mean nothing here.
    expect(provablyDead(instanceOf(child.pid!, "0000000000"))).toBe(false);
    expect(provablyDead(`${hostname()}:${child.pid}:0a1b2c3d`)).toBe(false);
    expect(provablyDead("other-process")).toBe(false);
  });
});

describe("a restarted dispatcher and the lease of the one before it", () => {
  it("takes the lease of a killed process at once, without waiting the minute it still had", async () => {
    const killed = await startProcess();
    await killProcess(killed);
    await leaseHeldBy(instanceOf(killed.pid!));
    const ids = await enqueueFor("after-kill", 12);

    startWorker();
    // Well before the dead holder's lease would run out (60 s).
    await waitForDone("after-kill", 20_000);
    for (const id of ids) expect(textsOf(id)).toEqual(["News after-kill"]);
    expect((await models.leases.findById(DISPATCHER_LEASE).lean())?.holder).toBe(workers[0]!.holder);
  });

  it("leaves a live holder's lease alone, and takes it the moment that process is killed", async () => {
    const live = await startProcess();
    await leaseHeldBy(instanceOf(live.pid!));
    const ids = await enqueueFor("while-alive", 6);
    const worker = startWorker({ tickMs: 50 });

    // Forty looks at the lease (a tick every 50 ms): none may take it from a running process.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(worker.dispatching).toBe(false);
    expect((await models.leases.findById(DISPATCHER_LEASE).lean())?.holder).toBe(instanceOf(live.pid!));
    expect(ids.flatMap(textsOf)).toEqual([]);

    await killProcess(live);
    await waitForDone("while-alive", 20_000);
    for (const id of ids) expect(textsOf(id)).toEqual(["News while-alive"]);
  });

  it("two processes restarted together: only one takes a dead holder's lease, and every family gets the news once", async () => {
    const killed = await startProcess();
    await killProcess(killed);
    await leaseHeldBy(instanceOf(killed.pid!));
    const ids = await enqueueFor("two-restarts", 20);

    const other = await connectDatabase(database.uri, { log: silentLogger });
    extraConnections.push(other);
    const sendsBy = [0, 0];
    const countingApi = (index: number) => {
      const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
      api.config.use((prev, method, payload, signal) => {
        if (method === "sendMessage") sendsBy[index]! += 1;
        return prev(method, payload, signal);
      });
      return api;
    };
    startWorker({ api: countingApi(0) });
    startWorker({ api: countingApi(1), models: createModels(other) });

    await waitForDone("two-restarts", 20_000);
    expect(sendsBy.filter((n) => n > 0)).toHaveLength(1);
    for (const id of ids) expect(textsOf(id)).toEqual(["News two-restarts"]);
  });
});
