// What Telegram hands a Mini App in the URL fragment:
// `#tgWebAppData=<urlencoded init data>&tgWebAppThemeParams=<json>&tgWebAppVersion=…`.
// The raw init data is kept in memory only and sent as `Authorization: tma <raw>` (never stored,
// never put in a URL we request). Pure: no DOM, so it is unit-tested in Node.

export interface LaunchParams {
  /** The raw init data query string, exactly as signed by Telegram; null when the page was opened without it. */
  initData: string | null;
  /** Theme colours that passed the check below (`bg_color` → `#ffffff`). */
  theme: Record<string, string>;
  /** The Telegram user's interface language ("fa", "en", …), for the words shown before the session answers. */
  languageCode: string | null;
}

const COLOUR = /^#[0-9a-fA-F]{3,8}$/;
const THEME_KEY = /^[a-z_]{1,40}$/;

export function parseLaunchFragment(hash: string): LaunchParams {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const raw = params.get("tgWebAppData");
  const initData = raw && raw.length > 0 ? raw : null;
  return { initData, theme: parseTheme(params.get("tgWebAppThemeParams")), languageCode: languageOf(initData) };
}

/** Only `#rrggbb`-like values: anything else could smuggle CSS into a custom property. */
function parseTheme(json: string | null): Record<string, string> {
  if (!json) return {};
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const theme: Record<string, string> = {};
  for (const [key, colour] of Object.entries(value as Record<string, unknown>)) {
    if (THEME_KEY.test(key) && typeof colour === "string" && COLOUR.test(colour)) theme[key] = colour;
  }
  return theme;
}

function languageOf(initData: string | null): string | null {
  if (!initData) return null;
  const user = new URLSearchParams(initData).get("user");
  if (!user) return null;
  try {
    const parsed = JSON.parse(user) as { language_code?: unknown };
    return typeof parsed.language_code === "string" ? parsed.language_code : null;
  } catch {
    return null;
  }
}

/** Telegram's theme parameters → the page's CSS variables (the stylesheet holds the defaults). */
export const THEME_VARIABLES: Record<string, string> = {
  bg_color: "--bg",
  text_color: "--text",
  hint_color: "--hint",
  link_color: "--link",
  button_color: "--button",
  button_text_color: "--button-text",
  secondary_bg_color: "--secondary-bg",
};

export function themeVariables(theme: Record<string, string>): [string, string][] {
  return Object.entries(THEME_VARIABLES).flatMap(([key, variable]) => (theme[key] ? [[variable, theme[key]] as [string, string]] : []));
}
