import { parse, validate } from "@telegram-apps/init-data-node";

/** Init data older than this is refused: the page asks the person to open the desk again from the bot. */
export const INIT_DATA_MAX_AGE_SECONDS = 3600;
/** A clock a little behind Telegram's must not lock people out; much further ahead is a forgery. */
const FUTURE_TOLERANCE_SECONDS = 60;

/** The person who opened the desk: their Telegram id, and the language their Telegram app uses (for someone who never chose one in the bot). */
export type InitDataCheck = { ok: true; userId: number; languageCode?: string } | { ok: false; error: "unauthorized" };

const UNAUTHORIZED: InitDataCheck = { ok: false, error: "unauthorized" };

/**
 * Who opened the desk, from the init data Telegram signed with this bot's token (the raw query string
 * the page got in `#tgWebAppData`). Every failure is the same "unauthorized": missing, a forged or
 * missing hash, another bot's token, older than an hour (by the injected clock, not the library's),
 * or no user in it. Nothing of the init data is logged or kept.
 */
export function userFromInitData(raw: string | undefined, botToken: string, now: Date): InitDataCheck {
  if (!raw || raw.length > 8192) return UNAUTHORIZED;
  try {
    // The signature and the bot first (expiresIn 0: the age is checked below, against our clock).
    validate(raw, botToken, { expiresIn: 0 });
    const data = parse(raw);
    const ageSeconds = (now.getTime() - data.auth_date.getTime()) / 1000;
    if (!(ageSeconds <= INIT_DATA_MAX_AGE_SECONDS) || ageSeconds < -FUTURE_TOLERANCE_SECONDS) return UNAUTHORIZED;
    const id = data.user?.id;
    if (typeof id !== "number" || !Number.isSafeInteger(id) || id <= 0 || data.user?.is_bot) return UNAUTHORIZED;
    const languageCode = data.user?.language_code;
    return { ok: true, userId: id, ...(typeof languageCode === "string" ? { languageCode } : {}) };
  } catch {
    return UNAUTHORIZED;
  }
}

/** The init data of an `Authorization: tma <initData>` header, or undefined. */
export function initDataOfHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^tma (.+)$/.exec(header.trim());
  return match?.[1];
}
