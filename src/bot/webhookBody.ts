import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "grammy/types";

/**
 * Telegram's updates are a few kilobytes; a body over 1 MB is not from Telegram. It is refused
 * with 413 before it is read (Content-Length) or as soon as the count passes the limit (chunked),
 * so nobody can make the bot hold large bodies in memory.
 */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** A webhook body refused before it reached the bot: 413 over the limit, 400 when it is not JSON. */
export class WebhookBodyRefused extends Error {
  constructor(readonly status: 413 | 400) {
    // The message never quotes the body: it may hold what a family typed.
    super(status === 413 ? "webhook body too large" : "webhook body is not JSON");
    this.name = "WebhookBodyRefused";
  }
}

/** True when the request announces a body longer than the limit (nothing has been read yet). */
export function declaresBodyOver(req: IncomingMessage, limitBytes: number): boolean {
  const declared = req.headers["content-length"];
  return declared !== undefined && Number(declared) > limitBytes;
}

/** Answers the refusal; after a 413 the connection is closed, so the rest of the body is never read. */
export function refuseBody(req: IncomingMessage, res: ServerResponse, status: 413 | 400): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  if (status === 400) {
    res.writeHead(400).end();
    return;
  }
  res.writeHead(413, { connection: "close", "content-type": "text/plain" });
  res.end("request body too large", () => req.socket.destroy());
}

/**
 * grammY's adapter for Node's http module, reading the body with a byte budget: reading stops and
 * the update rejects with WebhookBodyRefused(413) once more than `limitBytes` arrived.
 */
export function boundedHttpAdapter(limitBytes: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const secret = req.headers["x-telegram-bot-api-secret-token"];
    return {
      get update(): Promise<Update> {
        return readJsonBody(req, limitBytes) as Promise<Update>;
      },
      header: Array.isArray(secret) ? secret[0] : secret,
      end: () => res.end(),
      respond: (json: string) => res.writeHead(200, { "content-type": "application/json" }).end(json),
      unauthorized: () => res.writeHead(401).end("secret token is wrong"),
    };
  };
}

function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limitBytes) {
        req.off("data", onData);
        req.pause();
        chunks.length = 0;
        reject(new WebhookBodyRefused(413));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("error", reject);
    req.once("end", () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      } catch {
        reject(new WebhookBodyRefused(400));
      }
    });
  });
}
