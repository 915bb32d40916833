// /_emulator/*: JSON endpoints that let other processes and the web page act as users and inspect the bot.
import type { IncomingMessage, ServerResponse } from "node:http";
import { z } from "zod";
import type { NewUser } from "./chatRecords.js";
import { userView } from "./chatMessageView.js";
import { streamEvents, transcript } from "./chatStreams.js";
import type { EmulatedUser } from "./emulatedUser.js";
import type { EmulatorState } from "./emulatorState.js";
import { sendJson } from "./httpJson.js";
import { readBody } from "./requestBody.js";
import type { EmulatorFaults, EmulatorLimits } from "./types.js";

/** What the driver needs from the emulator; kept narrow so this module does not import the class. */
export interface DriverTarget {
  readonly state: EmulatorState;
  createUser(input: NewUser): EmulatedUser;
  createUsers(input: { count: number; firstId?: number; languageCodes?: string[]; started?: boolean }): { firstId: number; lastId: number; count: number };
  user(id: number): EmulatedUser | undefined;
  blockBot(userId: number): void;
  setFaults(partial: Partial<EmulatorFaults>): void;
  setLimits(partial: Partial<EmulatorLimits>): void;
  injectUpdate(update: Record<string, unknown>): void;
}

class DriverError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: unknown,
  ) {
    super(message);
  }
}

const createUserBody = z.strictObject({
  id: z.number().int().positive().optional(),
  firstName: z.string().trim().min(1).max(64).optional(),
  lastName: z.string().trim().min(1).max(64).optional(),
  username: z.string().regex(/^[A-Za-z0-9_]{3,32}$/).optional(),
  languageCode: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/).optional(),
});

const bulkUsersBody = z.strictObject({
  count: z.number().int().min(1).max(1_000_000),
  firstId: z.number().int().positive().optional(),
  languageCodes: z.array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/)).min(1).optional(),
  started: z.boolean().optional(),
});

const messageBody = z.union([
  z.strictObject({ text: z.string().min(1).max(8192) }),
  z.strictObject({ command: z.string().regex(/^\/?[A-Za-z0-9_]{1,32}$/), payload: z.string().max(512).optional() }),
  z.strictObject({ photo: z.literal(true), caption: z.string().max(2048).optional(), fileSize: z.number().int().positive().optional() }),
  z.strictObject({ voice: z.literal(true), duration: z.number().int().positive().optional() }),
  z.strictObject({
    document: z.literal(true),
    fileName: z.string().min(1).max(255).optional(),
    mimeType: z.string().optional(),
    caption: z.string().max(2048).optional(),
  }),
  z.strictObject({ sticker: z.literal(true) }),
  z.strictObject({ video: z.literal(true), duration: z.number().int().positive().optional() }),
  z.strictObject({ contact: z.literal(true), phoneNumber: z.string().optional() }),
]);

const pressBody = z.union([
  z.strictObject({ label: z.string().min(1), messageId: z.number().int().positive().optional() }),
  z.strictObject({ messageId: z.number().int().positive(), callbackData: z.string().min(1) }),
]);

const webAppBody = z.union([
  z.strictObject({ label: z.string().min(1), messageId: z.number().int().positive().optional() }),
  z.strictObject({ menu: z.literal(true) }),
]);

const webAppDataBody = z.strictObject({ buttonText: z.string().min(1), data: z.string() });

const inlineBody = z.strictObject({ query: z.string().max(256), offset: z.string().max(64).optional() });

const fraction = z.number().min(0).max(1);
const faultsBody = z.strictObject({
  serverErrorRate: fraction.optional(),
  timeoutRate: fraction.optional(),
  timeoutMs: z.number().int().min(0).max(600_000).optional(),
  blockedUserIds: z.array(z.number().int()).optional(),
  blockedRate: fraction.optional(),
  seed: z.number().int().optional(),
  heldChatIds: z.array(z.number().int()).optional(),
  unreachable: z.enum(["hang", "reset"]).nullable().optional(),
  floodStorm: z.strictObject({ rate: fraction, retryAfterSeconds: z.number().int().min(1).max(3600) }).nullable().optional(),
});

const positive = z.number().positive();
const limitsBody = z.strictObject({
  globalPerSecond: positive.optional(),
  paidPerSecond: positive.optional(),
  perChatPerSecond: positive.optional(),
  perChatBurst: z.number().int().positive().optional(),
});

const updateBody = z.record(z.string(), z.unknown());

function parseBody<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (!result.success) throw new DriverError(400, "invalid request body", result.error.issues);
  return result.data;
}

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new DriverError(400, "request body is not valid JSON");
  }
}

export async function handleDriver(target: DriverTarget, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  try {
    await route(target, req, res, url);
  } catch (error) {
    if (error instanceof DriverError) {
      sendJson(res, error.status, { error: error.message, ...(error.issues ? { issues: error.issues } : {}) });
    } else if (error instanceof Error && /already exists|no bot message|No inline button|No reply keyboard|No Mini App button|opens no Mini App|Mini App data must/.test(error.message)) {
      sendJson(res, 400, { error: error.message });
    } else {
      console.error("[emulator] driver request failed", error);
      sendJson(res, 500, { error: "internal error" });
    }
  }
}

async function route(target: DriverTarget, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { state } = target;
  const path = url.pathname.replace(/^\/_emulator/, "").replace(/\/$/, "");
  const method = req.method ?? "GET";
  const userMatch = /^\/users\/(\d+)(?:\/([a-z]+))?$/.exec(path);

  if (method === "GET" && path === "/info") {
    return sendJson(res, 200, { botId: state.bot.id, botUsername: state.bot.username, botName: state.bot.firstName });
  }
  if (path === "/users" && method === "GET") return sendJson(res, 200, state.store.listUsers().map(userView));
  if (path === "/users" && method === "POST") {
    const input = parseBody(createUserBody, await jsonBody(req));
    const user = target.createUser(input);
    return sendJson(res, 201, userView(state.store.user(user.id)!));
  }
  if (path === "/users/bulk" && method === "POST") {
    const input = parseBody(bulkUsersBody, await jsonBody(req));
    const first = input.firstId;
    const clash = first !== undefined ? state.store.listUsers().find((u) => u.id >= first && u.id < first + input.count) : undefined;
    if (clash) throw new DriverError(400, `user ${clash.id} already exists`);
    return sendJson(res, 201, target.createUsers(input));
  }
  if (userMatch) {
    const userId = Number(userMatch[1]);
    const user = target.user(userId);
    if (!user) throw new DriverError(404, `user ${userId} not found`);
    return routeUser(target, user, userMatch[2] ?? "", req, res, url);
  }
  if (method === "GET" && path === "/events") return streamEvents(state, res, url);
  if (method === "GET" && path === "/calls") {
    const since = Number(url.searchParams.get("since") ?? 0) || 0;
    const calls = state.log.since(since, url.searchParams.get("method") ?? undefined);
    return sendJson(res, 200, { next: state.log.nextIndex, calls: calls.map(({ index, call }) => ({ index, ...call })) });
  }
  if (method === "GET" && path === "/stats") {
    return sendJson(res, 200, { ...state.log.summary(), pendingUpdates: state.queue.length, users: state.store.listUsers().length });
  }
  if (path === "/faults") {
    if (method === "POST") target.setFaults(parseBody(faultsBody, await jsonBody(req)));
    return sendJson(res, 200, state.faults.current);
  }
  if (path === "/limits") {
    if (method === "POST") target.setLimits(parseBody(limitsBody, await jsonBody(req)));
    return sendJson(res, 200, state.limiter.current);
  }
  if (path === "/updates" && method === "POST") {
    const update = parseBody(updateBody, await jsonBody(req));
    target.injectUpdate(update);
    return sendJson(res, 200, { pendingUpdates: state.queue.length });
  }
  throw new DriverError(404, `no driver endpoint ${method} ${url.pathname}`);
}

async function routeUser(
  target: DriverTarget,
  user: EmulatedUser,
  action: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const { state } = target;
  const method = req.method ?? "GET";
  if (action === "" && method === "GET") return sendJson(res, 200, userView(state.store.user(user.id)!));
  if (action === "messages" && method === "POST") {
    const body = parseBody(messageBody, await jsonBody(req));
    return sendJson(res, 200, { updateId: sendFromBody(user, body) });
  }
  if (action === "press" && method === "POST") {
    const body = parseBody(pressBody, await jsonBody(req));
    const updateId =
      "callbackData" in body
        ? user.pressCallback(body.messageId, body.callbackData)
        : user.pressButton(body.label, body.messageId !== undefined ? { messageId: body.messageId } : {});
    return sendJson(res, 200, { updateId });
  }
  if (action === "block" && method === "POST") {
    target.blockBot(user.id);
    return sendJson(res, 200, userView(state.store.user(user.id)!));
  }
  if (action === "transcript" && method === "GET") return transcript(state, user, res, url);
  if (action === "answers" && method === "GET") return sendJson(res, 200, user.callbackAnswers());
  if (action === "inline" && method === "POST") {
    const body = parseBody(inlineBody, await jsonBody(req));
    return sendJson(res, 200, { updateId: user.sendInlineQuery(body.query, body.offset !== undefined ? { offset: body.offset } : {}) });
  }
  if (action === "inline" && method === "GET") return sendJson(res, 200, user.inlineAnswers());
  if (action === "menu" && method === "GET") return sendJson(res, 200, user.menuButton());
  if (action === "webappdata" && method === "POST") {
    const body = parseBody(webAppDataBody, await jsonBody(req));
    return sendJson(res, 200, { updateId: user.sendWebAppData(body.buttonText, body.data) });
  }
  if (action === "webapp" && method === "POST") {
    const body = parseBody(webAppBody, await jsonBody(req));
    if ("menu" in body) return sendJson(res, 200, user.openMenuButton());
    return sendJson(res, 200, user.openWebApp(body.label, body.messageId !== undefined ? { messageId: body.messageId } : {}));
  }
  throw new DriverError(404, `no driver endpoint ${method} ${url.pathname}`);
}

function sendFromBody(user: EmulatedUser, body: z.output<typeof messageBody>): number {
  if ("text" in body) return user.sendText(body.text);
  if ("command" in body) return user.sendCommand(body.command, body.payload);
  if ("photo" in body) return user.sendPhoto({ ...(body.caption ? { caption: body.caption } : {}), ...(body.fileSize ? { fileSize: body.fileSize } : {}) });
  if ("voice" in body) return user.sendVoice(body.duration ? { duration: body.duration } : {});
  if ("document" in body) {
    return user.sendDocument({
      ...(body.fileName ? { fileName: body.fileName } : {}),
      ...(body.mimeType ? { mimeType: body.mimeType } : {}),
      ...(body.caption ? { caption: body.caption } : {}),
    });
  }
  if ("sticker" in body) return user.sendSticker();
  if ("video" in body) return user.sendVideo(body.duration ? { duration: body.duration } : {});
  return user.sendContact(body.phoneNumber ? { phoneNumber: body.phoneNumber } : {});
}
