/** Docker HEALTHCHECK: exits 0 when the bot's /healthz answers 200. */
import { httpPortOf } from "./config.js";

const port = httpPortOf(process.env);
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
