// Reads a Bot API request the ways Telegram accepts it: query string, JSON, urlencoded or multipart.
import type { IncomingMessage } from "node:http";
import { BotApiError } from "./botApiError.js";
import { boundaryOf, parseMultipart } from "./multipart.js";

export interface Upload {
  filename: string;
  size: number;
  contentType?: string;
  /** The uploaded bytes, so tests can read what the bot sent (exports, generated files). */
  data: Buffer;
}

export interface BotRequest {
  params: Record<string, unknown>;
  uploads: Map<string, Upload>;
}

const maxBodyBytes = 64 * 1024 * 1024;

/** Fields whose values are JSON; form bodies carry them as JSON strings. */
const jsonFields = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "allowed_updates",
  "commands",
  "scope",
  "menu_button",
  "results",
  "link_preview_options",
  "reply_parameters",
  "message_ids",
  "media",
  "reaction",
  "button",
]);

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > maxBodyBytes) throw new BotApiError(413, "Request Entity Too Large");
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

export function parseBotRequest(contentType: string, body: Buffer, query: URLSearchParams): BotRequest {
  const params: Record<string, unknown> = {};
  const uploads = new Map<string, Upload>();
  for (const [key, value] of query) params[key] = value;
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (body.length > 0 && type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw new BotApiError(400, "Bad Request: can't parse JSON object");
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new BotApiError(400, "Bad Request: JSON object expected");
    }
    return { params: { ...params, ...(parsed as Record<string, unknown>) }, uploads };
  }
  if (type === "application/x-www-form-urlencoded") {
    for (const [key, value] of new URLSearchParams(body.toString("utf8"))) params[key] = value;
  } else if (type === "multipart/form-data") {
    const boundary = boundaryOf(contentType);
    if (!boundary) throw new BotApiError(400, "Bad Request: multipart boundary is missing");
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename !== undefined) {
        uploads.set(part.name, {
          filename: part.filename,
          size: part.data.length,
          data: part.data,
          ...(part.contentType ? { contentType: part.contentType } : {}),
        });
      } else {
        params[part.name] = part.data.toString("utf8");
      }
    }
  }
  return { params: decodeJsonFields(params), uploads };
}

function decodeJsonFields(params: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(params)) {
    if (!jsonFields.has(key) || typeof value !== "string") continue;
    try {
      params[key] = JSON.parse(value);
    } catch {
      // Left as a string; the method reports it the way Telegram would.
    }
  }
  return params;
}
