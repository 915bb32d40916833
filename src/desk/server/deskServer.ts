import type { IncomingMessage, ServerResponse } from "node:http";
import { getRequestListener } from "@hono/node-server";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Clock } from "../../clock.js";
import { matchLocale } from "../../bot/i18n.js";
import { isDatabaseUnavailableError } from "../../db/connection.js";
import { can, type Actor } from "../../domain/roles.js";
import type { Logger } from "../../logger.js";
import type { BelievedLocation } from "../../services/locations.js";
import type { UserSettings } from "../../services/users.js";
import { createDeskPage, DESK_PAGE_DIRECTORY, type PageFile } from "./deskPage.js";
import type { DeskAnswer, DeskHandlers, DeskReader } from "./deskReader.js";
import { deskKeysOf, deskSession } from "./deskSession.js";
import { initDataOfHeader, userFromInitData } from "./initData.js";

/** Where the desk lives on the bot's HTTP server. */
export const DESK_PATH = "/desk";
/** The largest JSON body a desk request may carry (a filter or a status move is a few hundred bytes). */
export const MAX_DESK_BODY_BYTES = 64 * 1024;
/** Telegram's web clients, which show a Mini App in a frame; the apps for phones and desktops use a web view. */
const TELEGRAM_FRAME_ANCESTORS = ["https://web.telegram.org", "https://*.telegram.org"];

export interface DeskServerOptions {
  /** The init data must be signed with this bot's token. */
  botToken: string;
  clock: Clock;
  log: Logger;
  users: { actorNow(userId: number): Promise<Actor>; settingsOf(userId: number): Promise<UserSettings> };
  locations: { listActive(): Promise<BelievedLocation[]> };
  /** The bot's i18n (the same words as in the chat). */
  i18n: { t(locale: string, key: string, args?: Record<string, string | number>): string; readonly locales: readonly string[] };
  /** Where the locale files are (the `desk-*` keys are read from them). */
  localesDirectory: string;
  defaultLocale: string;
  defaultTimeZone: string;
  /** The data routes (src/desk/server/deskHandlers.ts); without them only the page and /session answer. */
  handlers?: DeskHandlers;
  /** The built page (default <project>/dist/desk). */
  pageDirectory?: string;
  /** Origins besides Telegram's web clients that may show the desk in a frame (local mode: the emulator's web chat). */
  frameAncestors?: readonly string[];
}

type DeskEnv = { Variables: { reader: DeskReader } };

const json = (c: Context, status: number, body: unknown) => c.json(body as object, status as 200);

/**
 * The desk's front door on the bot's own HTTP server (everything under /desk): the built page, and
 * a JSON API where every request proves who sends it with Telegram's signed init data (401 when it
 * does not) and is re-checked against the roles stored right now (403 for families and for a role
 * revoked a second ago). Strict headers on every answer; the init data, the bodies and the user's id
 * are never logged, and nothing personal is ever in a URL.
 */
export function createDeskServer(options: DeskServerOptions) {
  const { log } = options;
  const page = createDeskPage(options.pageDirectory ?? DESK_PAGE_DIRECTORY);
  const keysByLocale = new Map<string, readonly string[]>();
  const deskKeys = (locale: string) => {
    let keys = keysByLocale.get(locale);
    if (!keys) keysByLocale.set(locale, (keys = deskKeysOf(options.localesDirectory, locale)));
    return keys;
  };
  const securityHeaders = deskSecurityHeaders(options.frameAncestors ?? []);

  const app = new Hono<DeskEnv>();

  app.use(`${DESK_PATH}/*`, async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) c.res.headers.set(name, value);
  });

  app.onError((error, c) => {
    // The database away: the page says to try again (as the chat answers "nothing was lost").
    if (isDatabaseUnavailableError(error)) {
      log.warn({ route: c.req.routePath }, "desk request: database unavailable");
      return json(c, 503, { error: "unavailable" });
    }
    log.error({ err: error.message, route: c.req.routePath }, "desk request failed");
    return json(c, 500, { error: "internal" });
  });
  app.notFound((c) => json(c, 404, { error: "not_found" }));

  // ---- the page ----
  // The page's assets are named relative to /desk/, so /desk itself is sent there.
  app.get(DESK_PATH, (c) => c.redirect(`${DESK_PATH}/`, 308));
  app.get(`${DESK_PATH}/`, async (c) => sendPage(c, await page.file("", c.req.header("accept-encoding"))));
  app.get(`${DESK_PATH}/assets/*`, async (c) => {
    const asset = c.req.path.slice(`${DESK_PATH}/assets/`.length);
    return sendPage(c, await page.file({ asset }, c.req.header("accept-encoding")));
  });

  // ---- the API: who asks, checked on every request ----
  const api = new Hono<DeskEnv>();
  api.use(async (c, next) => {
    c.header("cache-control", "no-store");
    const check = userFromInitData(initDataOfHeader(c.req.header("authorization")), options.botToken, options.clock.now());
    if (!check.ok) return json(c, 401, { error: "unauthorized" });
    const [actor, settings] = await Promise.all([options.users.actorNow(check.userId), options.users.settingsOf(check.userId)]);
    if (!can(actor, "case.view")) return json(c, 403, { error: "forbidden" });
    // As the bot chooses: the language stored for the person, else their Telegram app's, else the default.
    const stored = settings.locale && options.i18n.locales.includes(settings.locale) ? settings.locale : undefined;
    const locale = stored ?? matchLocale(options.i18n.locales, check.languageCode) ?? options.defaultLocale;
    c.set("reader", {
      userId: check.userId,
      actor,
      locale,
      timeZone: settings.timeZone || options.defaultTimeZone,
      t: (key, args) => options.i18n.t(locale, key, args),
    });
    await next();
  });
  api.use(bodyLimit({ maxSize: MAX_DESK_BODY_BYTES, onError: (c) => json(c, 413, { error: "too_large" }) }));

  api.get("/session", async (c) => c.json(await deskSession(c.get("reader"), { deskKeys, activeLocations: () => options.locations.listActive() })));

  const handlers = options.handlers;
  if (handlers) {
    api.post("/cases", async (c) => withBody(c, (body) => handlers.cases(c.get("reader"), body)));
    api.get("/cases/:caseId", async (c) => answer(c, await handlers.caseCard(c.get("reader"), c.req.param("caseId"))));
    api.post("/cases/:caseId/status", async (c) => withBody(c, (body) => handlers.moveStatus(c.get("reader"), c.req.param("caseId"), body)));
    api.get("/overview", async (c) => answer(c, await handlers.overview(c.get("reader"))));
    api.post("/export", async (c) => withBody(c, (body) => handlers.exportCsv(c.get("reader"), body)));
  }
  app.route(`${DESK_PATH}/api`, api);

  // Node's http server hands /desk requests here (src/bot/httpServer.ts). Hono's own Request and
  // Response classes stay out of the global scope: the rest of the process keeps Node's.
  const listener = getRequestListener(app.fetch, { overrideGlobalObjects: false });
  return {
    fetch: app.fetch,
    handle: (req: IncomingMessage, res: ServerResponse) => listener(req, res),
  };
}

export type DeskServer = ReturnType<typeof createDeskServer>;

/** True for the paths the desk answers (everything under /desk). */
export function isDeskPath(path: string): boolean {
  return path === DESK_PATH || path.startsWith(`${DESK_PATH}/`);
}

/** The headers every desk answer carries: nothing from elsewhere runs, nothing leaks in a Referer. */
export function deskSecurityHeaders(extraFrameAncestors: readonly string[]): Record<string, string> {
  const frameAncestors = [...TELEGRAM_FRAME_ANCESTORS, ...extraFrameAncestors].join(" ");
  return {
    "content-security-policy":
      `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; ` +
      `base-uri 'none'; form-action 'none'; frame-ancestors ${frameAncestors}`,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    // Its address is not secret; its page has nothing for a search engine either.
    "x-robots-tag": "noindex, nofollow",
  };
}

function sendPage(c: Context, file: PageFile): Response {
  if (file.kind === "not-built") {
    return c.text("The desk's page is not built: run `npm run build:desk`.\n", 503, { "cache-control": "no-store" });
  }
  if (file.kind === "not-found") return c.text("Not found\n", 404);
  return c.body(new Uint8Array(file.body), 200, file.headers);
}

function answer(c: Context, result: DeskAnswer): Response {
  return json(c, result.status, result.body);
}

/** A JSON body (the size was limited before); anything that is not JSON is 400 like a body the handler's schema refuses. */
async function withBody(c: Context, run: (body: unknown) => Promise<DeskAnswer>): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    return json(c, 400, { error: "invalid" });
  }
  return answer(c, await run(body));
}
