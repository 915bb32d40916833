/** Docker HEALTHCHECK: exits 0 when the bot's /healthz answers 200. */
const port = Number(process.env.PORT ?? 8080);
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
