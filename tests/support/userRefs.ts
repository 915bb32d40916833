import { createFieldCipher, parseEncryptionKey, type UserRef } from "../../src/security/fieldCipher.js";

/** The data key every test bot runs with (tests/support/botHarness.ts). */
export const TEST_DATA_KEY = "0123456789abcdef".repeat(4);

/** The field cipher under the test key: what the test bot uses to store users by pseudonym. */
export const testCipher = createFieldCipher(parseEncryptionKey(TEST_DATA_KEY));

/** The pseudonym the test bot stores in place of Telegram user `telegramId` (users._id, userId, actorId…). */
export const refOf = (telegramId: number): UserRef => testCipher.userRef(telegramId);
