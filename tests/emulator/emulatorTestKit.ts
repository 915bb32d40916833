// Shared helpers for emulator tests: raw Bot API calls over real HTTP and a steppable clock.
import type { TelegramEmulator } from "../../src/emulator/index.js";

export interface ApiReply {
  status: number;
  // Telegram replies are loosely typed JSON; tests assert on them directly.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function callApi(
  emulator: TelegramEmulator,
  method: string,
  params: Record<string, unknown> = {},
  options: { token?: string; encoding?: "json" | "form" | "query" } = {},
): Promise<ApiReply> {
  const token = options.token ?? emulator.token;
  const url = new URL(`${emulator.apiRoot}/bot${token}/${method}`);
  const encoding = options.encoding ?? "json";
  const asStrings = () =>
    Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)] as [string, string]);
  let init: RequestInit = { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(params) };
  if (encoding === "form") {
    init = { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(asStrings()).toString() };
  } else if (encoding === "query") {
    for (const [k, v] of asStrings()) url.searchParams.set(k, v);
    init = { method: "GET" };
  }
  const response = await fetch(url, init);
  return { status: response.status, body: await response.json() };
}

export async function driver(
  emulator: TelegramEmulator,
  path: string,
  body?: unknown,
): Promise<ApiReply> {
  const init: RequestInit =
    body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
  const response = await fetch(`${emulator.apiRoot}/_emulator${path}`, init);
  return { status: response.status, body: await response.json() };
}

export function fakeClock(start = Date.UTC(2025, 2, 21, 9, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

export { waitUntil } from "../support/waitUntil.js";
