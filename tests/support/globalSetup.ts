// Starts one database server for the whole test run and hands its base URI to every test file; builds the desk page.
import { rename, rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { buildDesk } from "../../scripts/buildDesk.js";
import { DESK_PAGE_DIRECTORY } from "../../src/desk/server/deskPage.js";
import { startDatabaseServer } from "../../src/db/server/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base connection string of the run's database server, without a database name. */
    mongoUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The desk's page from the current source (~0.1 s), once before any test file runs: a fresh
  // checkout has no dist/desk, and tests/e2e/desk-browser.test.ts opens the page the bot serves.
  await buildCurrentDeskPage();
  const server = await startDatabaseServer({ uri: process.env.MONGODB_URI, log: (line) => console.error(`[db] ${line}`) });
  project.provide("mongoUri", server.uri);
  return () => server.stop();
}

/** Built beside, then swapped in: a run started meanwhile never finds dist/desk half-written. */
async function buildCurrentDeskPage(): Promise<void> {
  const fresh = `${DESK_PAGE_DIRECTORY}-${process.pid}`;
  const old = `${DESK_PAGE_DIRECTORY}-old-${process.pid}`;
  await buildDesk(fresh);
  await rename(DESK_PAGE_DIRECTORY, old).catch(() => undefined);
  await rename(fresh, DESK_PAGE_DIRECTORY);
  await rm(old, { recursive: true, force: true });
}
