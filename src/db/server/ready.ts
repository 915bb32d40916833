import mongoose from "mongoose";
import { sleep } from "../../sleep.js";
import type { ServerProcess } from "./processes.js";

const READY_TIMEOUT_MS = 30_000;
const RETRY_EVERY_MS = 150;

/** One round trip: connect and run `ping`. Throws when the server does not answer. */
export async function pingDatabase(uri: string, timeoutMs = 1_000): Promise<void> {
  const client = new mongoose.mongo.MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
  });
  try {
    await client.connect();
    await client.db("admin").command({ ping: 1 });
  } finally {
    await client.close();
  }
}

/** Waits until the freshly started `server` answers a ping at `uri`, or fails with its last output. */
export async function waitUntilReady(name: string, uri: string, server: ServerProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (server.hasExited()) {
      const status = await server.exited;
      const how = status.error?.message ?? `code ${status.code ?? status.signal}`;
      throw new Error(`${name} exited before accepting connections (${how}).\n${server.recentOutput()}`);
    }
    try {
      await pingDatabase(uri);
      return;
    } catch (error) {
      lastError = error;
    }
    await sleep(RETRY_EVERY_MS);
  }
  await server.stop();
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new Error(`${name} did not accept connections at ${uri} within ${READY_TIMEOUT_MS / 1000}s: ${reason}`);
}
