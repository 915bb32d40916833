// A small round-robin HTTP proxy in front of several bot processes, as a reverse proxy (nginx, Caddy)
// stands in front of them in production: each request goes to the next backend; one that refuses the
// connection (a killed process) is skipped. A backend that dies after taking a request is not retried:
// the caller gets 502, as from nginx, and Telegram (the emulator) delivers that update again later.
import http from "node:http";

export interface RoundRobinProxy {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Requests each backend answered, by index in `backends`. */
  answered: number[];
  close(): Promise<void>;
}

/** Headers a webhook request needs at the bot; nothing else is passed on. */
const FORWARDED_HEADERS = ["content-type", "x-telegram-bot-api-secret-token"];

export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  const answered = backends.map(() => 0);
  let next = 0;

  /** Forwards to one backend; null when it refused the connection (nothing was sent to it). */
  const forward = (index: number, req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer } | null> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { "content-length": String(body.length) };
      for (const name of FORWARDED_HEADERS) {
        const value = req.headers[name];
        if (typeof value === "string") headers[name] = value;
      }
      // A new connection each time (agent: false): a pooled socket to a killed process would fail late.
      const request = http.request(new URL(req.url ?? "/", backends[index]), { method: req.method, headers, agent: false }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      });
      request.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNREFUSED" ? resolve(null) : reject(error)));
      request.end(body);
    });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const body = Buffer.concat(chunks);
      const first = next;
      next = (next + 1) % backends.length;
      try {
        for (let tried = 0; tried < backends.length; tried++) {
          const index = (first + tried) % backends.length;
          const response = await forward(index, req, body);
          if (!response) continue;
          answered[index]! += 1;
          const contentType = response.headers["content-type"];
          res.writeHead(response.status, contentType ? { "content-type": contentType } : {}).end(response.body);
          return;
        }
        res.writeHead(502).end("no backend is up");
      } catch {
        // The backend took the request and died (connection reset): Telegram will deliver it again.
        res.writeHead(502).end("backend failed");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    answered,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
