// Starts one database server for the whole test run and hands its base URI to every test file.
import type { TestProject } from "vitest/node";
import { startDatabaseServer } from "../../src/db/server/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base connection string of the run's database server, without a database name. */
    mongoUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startDatabaseServer({ uri: process.env.MONGODB_URI, log: (line) => console.error(`[db] ${line}`) });
  project.provide("mongoUri", server.uri);
  return () => server.stop();
}
