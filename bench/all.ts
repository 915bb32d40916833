// `npm run bench`: every benchmark in turn, one after the other (never two at once: they share
// the machine's two cores), then one table of their closing lines. Each benchmark ends with one
// line `name key=value …`; the table shows those figures, the database each measured, and how
// long it took. `--quick` runs each at a smaller size (minutes instead of ~45 in all) to check
// that they work; the README's figures come from the full sizes.
//
//   npm run bench
//   npm run bench -- --quick
//   npm run bench -- --only updates,desk

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? String(args[onlyAt + 1]).split(",") : null;
const repoRoot = fileURLToPath(new URL("../", import.meta.url));

/** The benchmarks, their full and quick arguments, and what their line's figures are checked against. */
const BENCHMARKS: { name: string; full: string[]; quick: string[]; targets: string }[] = [
  { name: "updates", full: [], quick: ["--users", "100", "--closed-users", "30", "--known-users", "0"], targets: "p99 < 250 ms at 1,000 users; ≤ 3 round trips; RSS < 250 MB" },
  { name: "soak", full: [], quick: ["--minutes", "2", "--users", "100"], targets: "the bot never ends; RSS flat and < 250 MB; dropped 0" },
  { name: "broadcast", full: [], quick: ["--recipients", "2000"], targets: "ratio ≥ 0.9 of the cap; lost 0; duplicates 0" },
  { name: "reminders", full: [], quick: ["--due", "2000"], targets: "lost 0; duplicates 0; tick flat from 1k to 10k" },
  { name: "coordinators", full: [], quick: ["--cases", "10000", "--signatures", "20000", "--queries", "20", "--slow-queries", "3", "--old-queries", "1"], targets: "find and stats p95 < 200 ms; export RSS growth < 50 MB" },
  { name: "duplicates", full: ["--cases", "20000"], quick: ["--cases", "2000"], targets: "no target: a save's search and what it finds, against the word keys it used before" },
  { name: "desk", full: [], quick: ["--cases", "10000", "--queries", "20"], targets: "page p95 < 300 ms; first load < 200 KB" },
];

interface Outcome {
  name: string;
  line: string;
  seconds: number;
  ok: boolean;
}

function run(name: string, extra: string[]): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let out = "";
    const child = spawn("npm", ["run", "--silent", `bench:${name}`, ...(extra.length > 0 ? ["--", ...extra] : [])], { cwd: repoRoot, stdio: ["ignore", "pipe", "inherit"] });
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on("close", (code) => {
      const line = out.trim().split("\n").at(-1) ?? "";
      resolve({ name, line, seconds: (performance.now() - started) / 1000, ok: code === 0 && line.startsWith(name) });
    });
  });
}

const outcomes: Outcome[] = [];
for (const bench of BENCHMARKS.filter((b) => !only || only.includes(b.name))) {
  process.stderr.write(`\n=== bench:${bench.name}${quick ? " (quick)" : ""} ===\n`);
  outcomes.push(await run(bench.name, quick ? bench.quick : bench.full));
}
const targetsOf = (name: string) => BENCHMARKS.find((b) => b.name === name)?.targets ?? "";
const figures = (line: string) => line.split(" ").slice(1).join(" ");
process.stdout.write(
  `\n| benchmark | figures | targets | time |\n|---|---|---|---|\n${outcomes
    .map((o) => `| ${o.name} | ${o.ok ? figures(o.line) : `FAILED: ${o.line || "no result line"}`} | ${targetsOf(o.name)} | ${Math.round(o.seconds)} s |`)
    .join("\n")}\n`,
);
process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;
