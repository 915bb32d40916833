// The HTTP front door: /bot<token>/<method> for the bot, /_emulator/* for drivers, / for the web page.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { callBotApi } from "./botApi.js";
import { BotApiError } from "./botApiError.js";
import { handleDriver, type DriverTarget } from "./driverApi.js";
import { clientGone, sendJson } from "./httpJson.js";
import { parseBotRequest, readBody } from "./requestBody.js";
import { serveStatic } from "./staticFiles.js";

const botPath = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z0-9_]+)\/?$/;

export interface EmulatorServer {
  server: Server;
  /** Timers of emulated timeouts, cleared on stop. */
  pendingTimeouts: Set<NodeJS.Timeout>;
}

export function createEmulatorServer(target: DriverTarget): EmulatorServer {
  const pendingTimeouts = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    handle(target, pendingTimeouts, req, res).catch((error: unknown) => {
      if (error instanceof BotApiError) return sendJson(res, error.errorCode, error.toJSON());
      console.error("[emulator] request failed", error);
      sendJson(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
    });
  });
  // Long polls and SSE streams are long-lived by design.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  server.keepAliveTimeout = 65_000;
  return { server, pendingTimeouts };
}

async function handle(
  target: DriverTarget,
  pendingTimeouts: Set<NodeJS.Timeout>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const path = url.pathname;
  if (path.startsWith("/bot")) return handleBotApi(target, pendingTimeouts, req, res, url);
  if (path === "/_emulator" || path.startsWith("/_emulator/")) return handleDriver(target, req, res, url);
  if ((req.method === "GET" || req.method === "HEAD") && (await serveStatic(path, res))) return;
  sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
}

async function handleBotApi(
  target: DriverTarget,
  pendingTimeouts: Set<NodeJS.Timeout>,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const { state } = target;
  const match = botPath.exec(url.pathname);
  if (!match) return sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
  if (decodeURIComponent(match[1]!) !== state.token) {
    return sendJson(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
  }
  const method = match[2]!;
  // A getUpdates waiting for news is the bot at rest, not the bot at work.
  const answered = method.toLowerCase() === "getupdates" ? () => undefined : state.activity.begin(method);
  let held = false;
  try {
    const gone = clientGone(res);
    const body = await readBody(req);
    const request = parseBotRequest(req.headers["content-type"] ?? "", body, url.searchParams);
    const outcome = await callBotApi(state, method, request.params, request.uploads, gone);
    if (outcome.kind === "ok") return sendJson(res, 200, { ok: true, result: outcome.result });
    if (outcome.kind === "error") return sendJson(res, outcome.error.errorCode, outcome.error.toJSON());
    // An emulated timeout: the bot's request stays in flight until its socket is destroyed.
    held = true;
    const timer = setTimeout(() => {
      pendingTimeouts.delete(timer);
      req.socket.destroy();
      answered();
    }, outcome.ms);
    pendingTimeouts.add(timer);
  } finally {
    if (!held) answered();
  }
}
