import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    environment: "node",
    include: ["tests/**/*.test.ts"],
    // One database server (FerretDB, mongod or MONGODB_URI) for the whole run; each test file
    // creates its own database on it (tests/support/database.ts).
    globalSetup: ["tests/support/globalSetup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
