// Drives a bot process a test started in local mode, through its emulator's driver API (/_emulator/*),
// reached at the web chat URL the process prints.
import { waitUntil } from "./waitUntil.js";

/** The web chat URL a local-mode process prints, once it has. */
export function webChatUrlIn(output: string): string | undefined {
  return /Open the web chat: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1];
}

/** One driver API call (`route` below /_emulator/); fails the test on any answer but 2xx. */
export async function driverCall<T = unknown>(webUrl: string, method: "GET" | "POST", route: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(`_emulator/${route}`, webUrl), {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} /_emulator/${route}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

interface Transcript {
  messages: { from: "user" | "bot"; text?: string }[];
}

/** Waits until the bot has written a message matching `match` to this user; returns its text as the user sees it. */
export async function waitForBotText(webUrl: string, userId: number, match: RegExp, timeoutMs = 10_000): Promise<string> {
  let found: string | undefined;
  await waitUntil(
    async () => {
      const transcript = await driverCall<Transcript>(webUrl, "GET", `users/${userId}/transcript`);
      // Fluent's invisible isolation marks are not part of what the user reads.
      const texts = transcript.messages.filter((m) => m.from === "bot").map((m) => (m.text ?? "").replace(/[\u2066-\u2069]/g, ""));
      found = texts.find((text) => match.test(text));
      return found !== undefined;
    },
    timeoutMs,
    `a bot message matching ${match} for user ${userId}`,
  );
  return found!;
}
