// Live views of chats for the web page and drivers: Server-Sent Events and a long-polled transcript.
import type { ServerResponse } from "node:http";
import type { ChatEvent } from "./chatRecords.js";
import { userView } from "./chatMessageView.js";
import type { EmulatedUser } from "./emulatedUser.js";
import type { EmulatorState } from "./emulatorState.js";
import { clientGone, sendJson } from "./httpJson.js";

/** With ?since=N&wait=S it long-polls until the chat changes after version N (the page's fallback to SSE). */
export function transcript(state: EmulatorState, user: EmulatedUser, res: ServerResponse, url: URL): void {
  const since = Number(url.searchParams.get("since") ?? -1);
  const waitSeconds = Math.min(60, Math.max(0, Number(url.searchParams.get("wait") ?? 0) || 0));
  const answer = () =>
    sendJson(res, 200, { userId: user.id, version: state.store.version(user.id), messages: user.transcript() });
  if (waitSeconds === 0 || state.store.version(user.id) > since) return answer();
  const events = state.store.events;
  const onChange = (event: ChatEvent) => {
    if (event.userId === user.id) finish();
  };
  const timer = setTimeout(finish, waitSeconds * 1000);
  const gone = clientGone(res);
  gone.addEventListener("abort", finish);
  events.on("change", onChange);
  function finish() {
    clearTimeout(timer);
    events.off("change", onChange);
    answer();
  }
}

/** Server-Sent Events of chat changes, optionally for one user and some event types. */
export function streamEvents(state: EmulatorState, res: ServerResponse, url: URL): void {
  const userParam = url.searchParams.get("userId");
  const userId = userParam ? Number(userParam) : undefined;
  // ?types=user lets the page follow new users without receiving every message of every chat.
  const types = url.searchParams.get("types")?.split(",");
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    connection: "keep-alive",
  });
  res.write(`: connected\n\n`);
  const onChange = (event: ChatEvent) => {
    if (userId !== undefined && event.userId !== userId) return;
    if (types && !types.includes(event.type)) return;
    const data = event.type === "user" ? { ...event, user: userView(event.user) } : event;
    res.write(`event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  // Keeps proxies and idle timeouts from closing a quiet stream.
  const heartbeat = setInterval(() => res.write(`: ping\n\n`), 15_000);
  state.store.events.on("change", onChange);
  res.on("close", () => {
    clearInterval(heartbeat);
    state.store.events.off("change", onChange);
  });
}
