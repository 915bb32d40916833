// `npm run rotate-key` (in the Docker image: `node dist/rotateKey.js`), with the bot stopped:
// re-encrypts everything an older key wrote under DATA_ENCRYPTION_KEY. README "Keys".
import { existsSync } from "node:fs";
import dotenv from "dotenv";
import { systemClock } from "./clock.js";
import { ConfigError, parseConfig } from "./config.js";
import { connectDatabase } from "./db/connection.js";
import { createLogger } from "./logger.js";
import { createFieldCipher, keyIdOf, parseEncryptionKey } from "./security/fieldCipher.js";
import { EncryptionKeyError } from "./security/keyCheck.js";
import { BotStillRunningError, rotateDatabaseKey, type CollectionRotation } from "./security/keyRotation.js";

const COLUMNS: (keyof CollectionRotation)[] = ["documents", "rewritten", "encryptedValues", "userRefs", "movedIds", "searchTokens", "unreadable", "conflicts"];

async function main(): Promise<number> {
  if (existsSync(".env")) dotenv.config({ quiet: true });
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) return fail(`${error.message}\nSee the configuration table in README.md.`);
    throw error;
  }
  if (!config.MONGODB_URI) return fail("MONGODB_URI: required (the database to re-key; for the local database, `npm run db` prints it).");
  if (!config.DATA_ENCRYPTION_KEY) return fail("DATA_ENCRYPTION_KEY: required (the new key).");

  const current = parseEncryptionKey(config.DATA_ENCRYPTION_KEY);
  const older = config.DATA_ENCRYPTION_OLD_KEYS.map(parseEncryptionKey);
  const cipher = createFieldCipher(current, older);
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, process.stderr);
  process.stdout.write(`Re-keying to key id ${cipher.keyId}; reading with ${older.length === 0 ? "no older key" : `older key id(s) ${older.map(keyIdOf).join(", ")}`}.\n`);

  const connection = await connectDatabase(config.MONGODB_URI, { log, maxDelayMs: 2_000 });
  try {
    const report = await rotateDatabaseKey(connection.db!, cipher, {
      now: systemClock.now(),
      onCollection: (row) => process.stdout.write(`${row.collection.padEnd(24)} ${COLUMNS.map((c) => `${c} ${row[c]}`).join("  ")}\n`),
    });
    const unreadable = report.collections.reduce((sum, row) => sum + row.unreadable, 0);
    if (unreadable > 0) {
      process.stdout.write(`${unreadable} value(s) no given key reads were left as they are (add the key that wrote them to DATA_ENCRYPTION_OLD_KEYS and run again).\n`);
    }
    if (!report.finished) {
      return fail("Some documents could not be written (a unique index already holds the re-keyed value; see conflicts). The key check value was not changed: the bot will not start with the new key alone.", 1);
    }
    process.stdout.write(`Done: the database is now under key id ${report.keyId}. Start the bot with DATA_ENCRYPTION_KEY alone (DATA_ENCRYPTION_OLD_KEYS can be emptied).\n`);
    return 0;
  } catch (error) {
    if (error instanceof EncryptionKeyError || error instanceof BotStillRunningError) return fail(error.message, 2);
    throw error;
  } finally {
    await connection.close();
  }
}

function fail(message: string, code = 2): number {
  process.stderr.write(`${message}\n`);
  return code;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`Key rotation failed: ${error instanceof Error ? error.message : String(error)}\nNothing is lost: run it again.\n`);
    process.exit(1);
  },
);
