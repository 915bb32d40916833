// Pushes updates to the bot's webhook: one at a time per chat, retried with backoff until a 2xx.
import { setMaxListeners } from "node:events";
import { sleep } from "../sleep.js";
import type { Update, UpdateQueue } from "./updateQueue.js";
import type { TelegramObject } from "./types.js";

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
}

/** Telegram lets a webhook answer with a method call in its response body. */
export type WebhookReplyHandler = (method: string, params: TelegramObject) => Promise<void>;

const backoffMs = [200, 500, 1000, 2000, 4000, 5000];
const requestTimeoutMs = 60_000;

export class WebhookDelivery {
  private config: WebhookConfig | undefined;
  private controller = new AbortController();
  private readonly busyChats = new Set<string>();
  private readonly inFlight = new Set<Update>();
  private lastError: { date: number; message: string } | undefined;

  constructor(
    private readonly queue: UpdateQueue,
    private readonly now: () => number,
    private readonly onReply: WebhookReplyHandler,
    /** Marks a request to the bot as in flight (for waitForQuiet); returns its end. */
    private readonly track: (what: string) => () => void = () => () => undefined,
  ) {
    queue.onPush(() => this.pump());
  }

  get active(): WebhookConfig | undefined {
    return this.config;
  }

  set(config: WebhookConfig): void {
    this.stopCurrent();
    // Every delivery in flight (up to max_connections) waits on this one signal between its retries.
    setMaxListeners(config.maxConnections + 10, this.controller.signal);
    this.config = config;
    this.lastError = undefined;
    this.pump();
  }

  remove(): void {
    this.stopCurrent();
    this.config = undefined;
  }

  info(): TelegramObject {
    const info: TelegramObject = {
      url: this.config?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.queue.length,
    };
    if (this.config) {
      info.max_connections = this.config.maxConnections;
      info.ip_address = "127.0.0.1";
      if (this.config.allowedUpdates) info.allowed_updates = this.config.allowedUpdates;
    }
    if (this.lastError) {
      info.last_error_date = this.lastError.date;
      info.last_error_message = this.lastError.message;
    }
    return info;
  }

  private stopCurrent(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.busyChats.clear();
    this.inFlight.clear();
  }

  private pump(): void {
    const config = this.config;
    if (!config) return;
    for (const update of this.queue.all()) {
      if (this.inFlight.size >= config.maxConnections) return;
      if (this.inFlight.has(update)) continue;
      if (!this.queue.isAllowed(update)) {
        queueMicrotask(() => this.queue.remove(update));
        continue;
      }
      const key = chatKey(update);
      if (this.busyChats.has(key)) continue;
      this.busyChats.add(key);
      this.inFlight.add(update);
      void this.deliver(update, key, config, this.controller.signal);
    }
  }

  private async deliver(update: Update, key: string, config: WebhookConfig, signal: AbortSignal): Promise<void> {
    for (let attempt = 0; !signal.aborted; attempt++) {
      const answered = this.track("webhook update");
      const delivered = await this.post(update, config, signal).finally(answered);
      if (delivered || signal.aborted) break;
      await sleep(backoffMs[Math.min(attempt, backoffMs.length - 1)]!, signal);
    }
    if (signal.aborted) return;
    this.queue.remove(update);
    this.busyChats.delete(key);
    this.inFlight.delete(update);
    this.pump();
  }

  private async post(update: Update, config: WebhookConfig, signal: AbortSignal): Promise<boolean> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (config.secretToken) headers["x-telegram-bot-api-secret-token"] = config.secretToken;
    try {
      const response = await fetch(config.url, {
        method: "POST",
        headers,
        body: JSON.stringify(update),
        signal: AbortSignal.any([signal, AbortSignal.timeout(requestTimeoutMs)]),
      });
      const body = await response.text();
      if (!response.ok) {
        this.recordError(`Wrong response from the webhook: ${response.status} ${response.statusText}`);
        return false;
      }
      await this.runReply(body);
      return true;
    } catch (error) {
      if (!signal.aborted) this.recordError(error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  private async runReply(body: string): Promise<void> {
    if (!body.trim().startsWith("{")) return;
    try {
      const parsed = JSON.parse(body) as TelegramObject;
      if (typeof parsed.method === "string") {
        const { method, ...params } = parsed;
        await this.onReply(method as string, params);
      }
    } catch {
      // A non-JSON 2xx body is fine: Telegram ignores it too.
    }
  }

  private recordError(message: string): void {
    this.lastError = { date: Math.floor(this.now() / 1000), message };
  }
}

function chatKey(update: Update): string {
  const body = Object.values(update).find((v) => typeof v === "object" && v !== null) as TelegramObject | undefined;
  const chat = (body?.chat ?? (body?.message as TelegramObject | undefined)?.chat) as TelegramObject | undefined;
  if (chat?.id !== undefined) return `chat:${String(chat.id)}`;
  const from = body?.from as TelegramObject | undefined;
  if (from?.id !== undefined) return `chat:${String(from.id)}`;
  return "global";
}
