import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/logger.js";

/** A logger whose every line (JSON text) lands in `lines`, for tests that read what was logged. */
export function captureLogs(level = "trace"): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(level, stream), lines };
}
