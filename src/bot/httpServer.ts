import http from "node:http";
import { webhookCallback, type Bot } from "grammy";
import { isDatabaseUnavailableError, type CommandTime } from "../db/connection.js";
import { isDeskPath } from "../desk/server/deskServer.js";
import { isUpdateInFlightElsewhere } from "../services/updateClaims.js";
import type { Logger } from "../logger.js";
import type { UpdateContext } from "./context.js";
import { isTelegramUnreachableError } from "./telegramUnreachable.js";
import { boundedHttpAdapter, declaresBodyOver, MAX_WEBHOOK_BODY_BYTES, refuseBody, WebhookBodyRefused } from "./webhookBody.js";

export interface HttpServerOptions {
  port: number;
  host?: string;
  log: Logger;
  /** Answers /healthz: 200 when the database is reachable, 503 otherwise. */
  isHealthy(): boolean;
  /** DATABASE_COMMAND_COUNTS: answers GET /metrics/database-commands with the commands sent so far, by name. */
  databaseCommands?: () => Record<string, number>;
  /** DATABASE_COMMAND_COUNTS: answers GET /metrics/database-time with the server's milliseconds so far, by lane and command. */
  databaseTimes?: () => Record<string, CommandTime>;
  /** Webhook mode only: path and secret Telegram must send in X-Telegram-Bot-Api-Secret-Token. */
  webhook?: { bot: Bot<UpdateContext>; path: string; secretToken: string };
  /** The coordinator's desk (src/desk/server/deskServer.ts), when it is on: answers every path under /desk. */
  desk?: { handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> };
}

/**
 * One small HTTP server for the health check, the coordinator's desk (everything under /desk, when
 * it is on) and, in webhook mode, Telegram's updates. A request
 * without the right secret gets 401 and changes nothing (grammY's webhookCallback checks it). When the
 * database is away the update is answered 503, so Telegram delivers it again later. A body over
 * 1 MB is answered 413 without being held in memory (src/bot/webhookBody.ts).
 */
export async function startHttpServer(options: HttpServerOptions): Promise<{ server: http.Server; url: string; close(): Promise<void> }> {
  const { log } = options;
  const handleWebhook = options.webhook
    ? webhookCallback(options.webhook.bot, boundedHttpAdapter(MAX_WEBHOOK_BODY_BYTES), { secretToken: options.webhook.secretToken, onTimeout: "throw", timeoutMilliseconds: 55_000 })
    : undefined;

  const server = http.createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "GET" && path === "/healthz") {
      const healthy = options.isHealthy();
      res.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: healthy ? "ok" : "database-unavailable" }));
      return;
    }
    if (options.databaseCommands && req.method === "GET" && path === "/metrics/database-commands") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(options.databaseCommands()));
      return;
    }
    if (options.databaseTimes && req.method === "GET" && path === "/metrics/database-time") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(options.databaseTimes()));
      return;
    }
    if (options.desk && path !== undefined && isDeskPath(path)) {
      await options.desk.handle(req, res);
      return;
    }
    if (handleWebhook && req.method === "POST" && path === options.webhook!.path) {
      if (declaresBodyOver(req, MAX_WEBHOOK_BODY_BYTES)) {
        refuseBody(req, res, 413);
        return;
      }
      try {
        await handleWebhook(req, res);
      } catch (error) {
        if (error instanceof WebhookBodyRefused) {
          refuseBody(req, res, error.status);
          return;
        }
        // 503: Telegram delivers it again later (database away, the reply did not reach Telegram, or
        // another live process still handling it).
        const unavailable = isDatabaseUnavailableError(error) || isTelegramUnreachableError(error) || isUpdateInFlightElsewhere(error);
        if (!unavailable) log.error({ err: (error as Error).message }, "webhook update failed");
        if (!res.headersSent) {
          res.writeHead(unavailable ? 503 : 500);
          res.end();
        }
      }
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
