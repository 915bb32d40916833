// Local mode (no BOT_TOKEN): the emulator with its web chat, and a database when MONGODB_URI is not
// set. Loaded by main.ts on demand; not in the production build or the Docker image.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { LocalConfig } from "./config.js";
import { startDatabaseServer, withDatabaseName, type DatabaseServer } from "./db/server/index.js";
import { seedDemoData } from "./demo/demoData.js";
import { TelegramEmulator } from "./emulator/index.js";
import { buildDesk } from "../scripts/buildDesk.js";
import { DESK_PAGE_DIRECTORY } from "./desk/server/deskPage.js";
import { createFieldCipher, parseEncryptionKey } from "./security/fieldCipher.js";
import type { Logger } from "./logger.js";
import type { LocalModeModule, LocalRun } from "./localModePort.js";

const LOCAL_DATABASE_NAME = "family_reach";
/** The first simulated user is an admin unless ADMIN_IDS says otherwise. */
const FIRST_USER_ID = 100001;

export const startLocalMode: LocalModeModule["startLocalMode"] = async (config: LocalConfig, log: Logger): Promise<LocalRun> => {
  let database: DatabaseServer | undefined;
  let mongoUri = config.MONGODB_URI;
  if (!mongoUri) {
    database = await startDatabaseServer({ dataDir: path.resolve(".local/db"), log: (line) => log.info({ db: line }, "database server") });
    mongoUri = withDatabaseName(database.uri, LOCAL_DATABASE_NAME);
  }
  let emulator: TelegramEmulator;
  try {
    // update_ids keep growing across restarts, as Telegram's do: the bot remembers the ids it handled.
    emulator = await TelegramEmulator.start({ port: config.EMULATOR_PORT, firstUpdateId: Date.now() });
  } catch (error) {
    await database?.stop();
    throw error;
  }
  // The coordinator's desk opens from the web chat: a newcomer's first `npm start` builds its page
  // (esbuild, under a second); after editing the page, `npm run build:desk` rebuilds it.
  if (!existsSync(path.join(DESK_PAGE_DIRECTORY, "index.html"))) {
    await buildDesk().catch((error: unknown) => log.warn({ err: (error as Error).message }, "desk page not built; /desk/ answers 503 until `npm run build:desk`"));
  }
  const adminIds = config.ADMIN_IDS.length > 0 ? config.ADMIN_IDS : [FIRST_USER_ID];
  const dataEncryptionKey = config.DATA_ENCRYPTION_KEY ?? localEncryptionKey();
  let seeding: Promise<unknown> = Promise.resolve();
  return {
    botToken: emulator.token,
    apiRoot: emulator.apiRoot,
    mongoUri,
    adminIds,
    dataEncryptionKey,
    afterStart(app) {
      if (!config.DEMO_DATA) return;
      // In the background: the web chat is usable at once, the demo cases appear within a minute.
      const cipher = createFieldCipher(parseEncryptionKey(dataEncryptionKey));
      seeding = seedDemoData({ connection: app.connection, models: app.models, cipher, log, clock: app.services.clock }).catch((error: unknown) =>
        // Stopped half-way (the next start finishes it) or a real failure: the bot runs either way.
        log.warn({ err: (error as Error).message }, "demo data not seeded"),
      );
    },
    welcome:
      `\nLocal mode: no Telegram token, so the bot talks to the local emulator.\n` +
      `Open the web chat: ${emulator.webUrl}\n` +
      `(The first simulated user, id ${adminIds[0]}, is an admin in local mode.)\n` +
      `The coordinator's desk: send /desk in the web chat as that user.\n\n`,
    async stop() {
      await emulator.stop();
      await seeding;
      await database?.stop();
    },
  };
};

/** Local mode keeps a generated key next to its database, so encrypted fields survive restarts. */
function localEncryptionKey(): string {
  const file = path.resolve(".local/encryption.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64");
  writeFileSync(file, key, { mode: 0o600 });
  return key;
}
