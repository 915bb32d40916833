// Where a benchmark's CPU went, from /proc (Linux): the machine's busy share, and each group of
// processes' share (the bot, the database server, PostgreSQL, the benchmark itself), sampled every
// second while a level runs. On a machine without /proc it reports nothing.

import { readdirSync, readFileSync } from "node:fs";
import { cpuMs } from "./botProcess.js";

export interface CpuReport {
  /** Busy share of the whole machine over the level (1 = every core busy all along). */
  machineBusy: number;
  /** The busiest 5 s of the level, the same share. */
  machinePeak5s: number;
  /** Cores' worth of CPU each group used on average ("bot 0.62, ferretdb 0.71 …"). */
  byGroup: string;
}

function machineTicks(): { busy: number; total: number } | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
    const fields = line.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** The CPU ms of each group of processes: the bot's processes and this one by pid, the servers by command name. */
function groupCpuMs(botPids: (number | undefined)[]): Map<string, number> {
  const used = new Map<string, number>();
  const add = (group: string, pid: number) => used.set(group, (used.get(group) ?? 0) + cpuMs(pid));
  let pids: string[] = [];
  try {
    pids = readdirSync("/proc").filter((name) => /^\d+$/.test(name));
  } catch {
    return used;
  }
  for (const name of pids) {
    const pid = Number(name);
    if (botPids.includes(pid)) add("bot", pid);
    else if (pid === process.pid) add("bench", pid);
    else {
      let comm = "";
      try {
        comm = readFileSync(`/proc/${pid}/comm`, "utf8").trim();
      } catch {
        continue;
      }
      if (comm.startsWith("ferretdb")) add("ferretdb", pid);
      else if (comm.startsWith("postgres")) add("postgres", pid);
    }
  }
  return used;
}

/** Starts sampling; `stop()` ends it and reports. */
export function sampleCpu(botPids: (number | undefined)[]): { stop: () => CpuReport | null } {
  const first = machineTicks();
  const firstGroups = groupCpuMs(botPids);
  const startedAt = performance.now();
  const samples: { busy: number; total: number }[] = first ? [first] : [];
  const timer = setInterval(() => {
    const now = machineTicks();
    if (now) samples.push(now);
  }, 1_000);
  return {
    stop() {
      clearInterval(timer);
      const last = machineTicks();
      if (!first || !last) return null;
      samples.push(last);
      const seconds = (performance.now() - startedAt) / 1000;
      const groups = groupCpuMs(botPids);
      const byGroup = [...groups.entries()]
        .map(([group, ms]) => [group, (ms - (firstGroups.get(group) ?? 0)) / 1000 / seconds] as const)
        .sort((a, b) => b[1] - a[1])
        .map(([group, cores]) => `${group} ${cores.toFixed(2)}`)
        .join(", ");
      let peak = 0;
      for (let i = 5; i < samples.length; i++) {
        const a = samples[i - 5]!;
        const b = samples[i]!;
        if (b.total > a.total) peak = Math.max(peak, (b.busy - a.busy) / (b.total - a.total));
      }
      return { machineBusy: (last.busy - first.busy) / Math.max(1, last.total - first.total), machinePeak5s: peak, byGroup };
    },
  };
}
