import { spawnServer, type Log, type ServerProcess } from "./processes.js";

/** Starts a local `mongod` storing its files in `dataDir`, listening on loopback only. */
export function spawnMongod(binary: string, dataDir: string, port: number, log: Log): ServerProcess {
  return spawnServer(
    binary,
    ["--dbpath", dataDir, "--bind_ip", "127.0.0.1", "--port", String(port), "--quiet"],
    log,
  );
}
