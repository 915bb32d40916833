// Who a process is, in the names it leaves in the database (heartbeats, the dispatcher lease), and
// whether a name belongs to a process that is provably gone: a restarted bot can then take over at
// once what a killed one held, instead of waiting for its lease to run out.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync, readlinkSync } from "node:fs";
import { hostname } from "node:os";

/**
 * Where a pid names one process: this kernel boot and pid namespace (Linux), as a short hash; null
 * where it cannot be told (another system, /proc unreadable). Two containers with their own pid
 * namespaces get different values even on one machine; a container restarted gets a new one.
 */
function readPidSpace(): string | null {
  try {
    const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const namespace = readlinkSync("/proc/self/ns/pid");
    if (!bootId || !namespace) return null;
    return createHash("sha256").update(`${bootId}/${namespace}`).digest("hex").slice(0, 10);
  } catch {
    return null;
  }
}

let ownPidSpace: string | null | undefined;
export function pidSpace(): string | null {
  if (ownPidSpace === undefined) ownPidSpace = readPidSpace();
  return ownPidSpace;
}

/** `host:pid:random@pidspace` (`host:pid:random` where the pid space is unknown). No personal data. */
export function newInstanceId(): string {
  const space = pidSpace();
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}${space ? `@${space}` : ""}`;
}

const INSTANCE_ID = /^.+:(\d+):[0-9a-f]+@([0-9a-f]+)$/;

/**
 * True only when the named process cannot be running: it was started in this very pid space (same
 * kernel boot, same pid namespace) and no process has its pid any more. Anything else — another
 * machine or container, a name of another shape, the pid now used by some process (even a new one)
 * — is not proof, and the caller waits for the lease to run out as before.
 */
export function provablyDead(instanceId: string): boolean {
  const match = INSTANCE_ID.exec(instanceId);
  const space = pidSpace();
  if (!match || space === null || match[2] !== space) return false;
  const pid = Number(match[1]);
  if (!Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: the pid exists (another user's process). Only "no such process" is proof.
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}
