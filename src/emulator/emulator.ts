// TelegramEmulator: a local Bot API server an unmodified grammY bot can talk to via `client.apiRoot`.
import type { AddressInfo } from "node:net";
import { callBotApi } from "./botApi.js";
import type { QuietOptions } from "./botActivity.js";
import type { NewGroup, NewUser } from "./chatRecords.js";
import { EmulatedGroup } from "./emulatedGroup.js";
import { EmulatedUser } from "./emulatedUser.js";
import { createEmulatorState, enqueueMembershipChange, type EmulatorState } from "./emulatorState.js";
import { createEmulatorServer, type EmulatorServer } from "./server.js";
import type { ApiCall, EmulatorFaults, EmulatorLimits, EmulatorOptions } from "./types.js";

export class TelegramEmulator {
  readonly apiRoot: string;
  readonly webUrl: string;
  readonly token: string;
  /** @internal Shared with the HTTP layers. */
  readonly state: EmulatorState;
  private readonly users = new Map<number, EmulatedUser>();
  private readonly groups = new Map<number, EmulatedGroup>();
  private readonly http: EmulatorServer;
  private stopped = false;

  private constructor(state: EmulatorState, http: EmulatorServer, apiRoot: string) {
    this.state = state;
    this.http = http;
    this.token = state.token;
    this.apiRoot = apiRoot;
    this.webUrl = `${apiRoot}/`;
  }

  static async start(options: EmulatorOptions = {}): Promise<TelegramEmulator> {
    // Closures below run only once requests arrive, after both constants exist.
    const state: EmulatorState = createEmulatorState(options, async (method, params) => {
      const answered = state.activity.begin(method);
      try {
        await callBotApi(state, method, params, new Map(), new AbortController().signal);
      } finally {
        answered();
      }
    });
    const http = createEmulatorServer({
      state,
      createUser: (input) => emulator.createUser(input),
      createUsers: (input) => emulator.createUsers(input),
      user: (id) => emulator.user(id),
      blockBot: (id) => emulator.blockBot(id),
      setFaults: (partial) => emulator.setFaults(partial),
      setLimits: (partial) => emulator.setLimits(partial),
      injectUpdate: (update) => emulator.injectUpdate(update),
    });
    const host = options.host ?? "127.0.0.1";
    await new Promise<void>((resolve, reject) => {
      http.server.once("error", reject);
      http.server.listen(options.port ?? 0, host, () => {
        http.server.off("error", reject);
        resolve();
      });
    });
    const { port } = http.server.address() as AddressInfo;
    const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
    const emulator = new TelegramEmulator(state, http, `http://${urlHost}:${port}`);
    return emulator;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.state.queue.endLongPoll();
    this.state.webhook.remove();
    for (const timer of this.http.pendingTimeouts) clearTimeout(timer);
    this.http.pendingTimeouts.clear();
    const closed = new Promise<void>((resolve) => this.http.server.close(() => resolve()));
    this.http.server.closeAllConnections();
    await closed;
  }

  setLimits(partial: Partial<EmulatorLimits>): void {
    this.state.limiter.update(partial);
  }

  setFaults(partial: Partial<EmulatorFaults>): void {
    this.state.faults.update(partial);
    // A long poll already waiting when the Bot API goes down hands out nothing more (empty, at once).
    if (partial.unreachable) this.state.queue.endLongPoll();
  }

  createUser(input: NewUser = {}): EmulatedUser {
    const record = this.state.store.createUser(input);
    const user = new EmulatedUser(this.state, record);
    this.users.set(record.id, user);
    return user;
  }

  /**
   * Many users at once (benchmarks): ids firstId, firstId+1, …; language codes taken in turn from
   * `languageCodes`; `started: true` means each has written to the bot before (no update is queued).
   */
  createUsers(input: { count: number; firstId?: number; languageCodes?: string[]; started?: boolean }): { firstId: number; lastId: number; count: number } {
    const firstId = input.firstId ?? this.state.store.listUsers().reduce((max, u) => Math.max(max, u.id), 100_000) + 1;
    const codes = input.languageCodes ?? [];
    for (let i = 0; i < input.count; i++) {
      const languageCode = codes.length > 0 ? codes[i % codes.length] : undefined;
      this.createUser({ id: firstId + i, ...(languageCode ? { languageCode } : {}), started: input.started === true });
    }
    return { firstId, lastId: firstId + input.count - 1, count: input.count };
  }

  /** A group, supergroup or channel with these users as members; the bot is not in it until `addBot`. */
  createGroup(input: Omit<NewGroup, "memberIds"> & { members?: EmulatedUser[] } = {}): EmulatedGroup {
    const { members = [], ...rest } = input;
    const record = this.state.store.createGroup({ ...rest, memberIds: members.map((m) => m.id) });
    const group = new EmulatedGroup(this.state, record);
    this.groups.set(record.id, group);
    return group;
  }

  group(id: number): EmulatedGroup | undefined {
    return this.groups.get(id);
  }

  user(id: number): EmulatedUser | undefined {
    return this.users.get(id);
  }

  /** The user blocks the bot: later sends get 403 and the bot receives my_chat_member (kicked). */
  blockBot(userId: number): void {
    const record = this.state.store.user(userId);
    if (!record) throw new Error(`User ${userId} does not exist`);
    if (record.blockedBot) return;
    this.state.store.updateUser(record, { blockedBot: true });
    if (record.started) enqueueMembershipChange(this.state, record, "member", "kicked");
  }

  get calls(): ReadonlyArray<ApiCall> {
    return this.state.log.calls;
  }

  callsOf(method: string): ApiCall[] {
    const wanted = method.toLowerCase();
    return this.state.log.calls.filter((call) => call.method.toLowerCase() === wanted);
  }

  clearCalls(): void {
    this.state.log.clear();
  }

  /** The bytes of a file the bot uploaded (sendDocument with an InputFile), by its file_id. */
  fileContent(fileId: string): Buffer | undefined {
    return this.state.files.get(fileId)?.content;
  }

  pendingUpdateCount(): number {
    return this.state.queue.length;
  }

  /**
   * Resolves once the bot has been idle for `quietMs` (default 300): no Bot API call in flight (a
   * getUpdates waiting for news does not count) and every update confirmed as handled. Tests use it
   * to check that something did NOT happen, instead of sleeping a fixed time.
   */
  waitForQuiet(options: QuietOptions = {}): Promise<void> {
    return this.state.activity.waitForQuiet(options);
  }

  /** Enqueues the object exactly as given (duplicate update_ids allowed); one without update_id gets a fresh one. */
  injectUpdate(update: Record<string, unknown>): void {
    const updateId = typeof update.update_id === "number" ? update.update_id : this.state.queue.allocateId();
    this.state.queue.push({ ...update, update_id: updateId });
  }

  nextUpdateId(): number {
    return this.state.queue.allocateId();
  }
}
