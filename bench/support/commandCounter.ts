// A TCP proxy between a bot process and its database that counts the commands the bot sends: the
// database round trips of issue #13, counted on the wire, whatever the driver or the database. Each
// MongoDB wire message (16-byte header: length, requestID, responseTo, opCode) from the client is
// read; an OP_MSG's first section is a BSON document whose first key is the command's name
// ("find", "insert", "update", "getMore" …). The driver's own monitoring ("hello", "ping" on its
// monitoring connections) and session bookkeeping are counted apart.

import net from "node:net";

const OP_MSG = 2013;
const OP_QUERY = 2004;
/** Not the bot's work: the driver's server monitoring and connection handshakes. */
const DRIVER_COMMANDS = new Set(["hello", "ismaster", "isMaster", "ping", "endSessions", "buildInfo", "saslStart", "saslContinue", "getParameter"]);

export interface CommandCounter {
  /** The address to give the bot (host:port of the proxy). */
  readonly port: number;
  /** The bot's commands so far, by name (driver monitoring excluded). */
  counts(): Record<string, number>;
  /** The bot's commands so far, all names. */
  total(): number;
  close(): Promise<void>;
}

/** The command name of one client message, or undefined when it is not a command. */
function commandName(message: Buffer): string | undefined {
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) {
    // flagBits (4), then sections; kind 0 is the command document.
    let at = 20;
    while (at < message.length) {
      const kind = message[at];
      if (kind === 0) return firstKey(message, at + 1);
      // kind 1: size (int32, includes itself), identifier, documents.
      at += 1 + message.readInt32LE(at + 1);
    }
    return undefined;
  }
  if (opCode === OP_QUERY) {
    // flags (4), fullCollectionName (cstring), skip (4), return (4), query document.
    const nameEnd = message.indexOf(0, 20);
    return firstKey(message, nameEnd + 9);
  }
  return undefined;
}

/** The first element's name of the BSON document at `at`. */
function firstKey(buffer: Buffer, at: number): string | undefined {
  const nameStart = at + 4 + 1; // int32 size, element type
  const nameEnd = buffer.indexOf(0, nameStart);
  return nameEnd > nameStart ? buffer.toString("utf8", nameStart, nameEnd) : undefined;
}

export async function startCommandCounter(target: { host: string; port: number }): Promise<CommandCounter> {
  const byName = new Map<string, number>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    let pending: Buffer = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 16) {
        const length = pending.readInt32LE(0);
        if (pending.length < length) break;
        const name = commandName(pending.subarray(0, length));
        if (name !== undefined && !DRIVER_COMMANDS.has(name)) byName.set(name, (byName.get(name) ?? 0) + 1);
        pending = pending.subarray(length);
      }
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", close).on("error", close);
    upstream.on("close", close).on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    counts: () => Object.fromEntries(byName),
    total: () => [...byName.values()].reduce((a, b) => a + b, 0),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
