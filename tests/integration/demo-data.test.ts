import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import type { Clock } from "../../src/clock.js";
import { parseConfig } from "../../src/config.js";
import { DEMO_META_ID, DEMO_NAME_PREFIX_FA, DEMO_PETITION_TITLE_FA, DEMO_EVENT_TITLE_FA, DEMO_USER_ID_RANGE, seedDemoData } from "../../src/demo/demoData.js";
import type { Models } from "../../src/db/models/index.js";
import { buildActor } from "../../src/domain/roles.js";
import { silentLogger } from "../../src/logger.js";
import { APP_META_COLLECTION } from "../../src/security/keyCheck.js";
import { createFieldCipher, parseEncryptionKey } from "../../src/security/fieldCipher.js";
import { createAuditTrail } from "../../src/services/audit.js";
import { createCaseService } from "../../src/services/cases/caseService.js";
import { startTestBot } from "../support/botHarness.js";
import { openTestModels, type TestDatabase } from "../support/database.js";

let database: TestDatabase;
let connection: Connection;
let models: Models;
const now = new Date("2026-11-27T09:00:00Z");
const clock: Clock = { now: () => now };
const cipher = createFieldCipher(parseEncryptionKey("cd".repeat(32)));

beforeAll(async () => {
  ({ database, connection, models } = await openTestModels());
});
afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe("demo data in local mode", () => {
  it("a newcomer's first local start seeds invented, marked, encrypted cases across provinces and statuses, with history over the past months, an open petition signed over two months and an event with answers; a second start seeds nothing", async () => {
    const first = await seedDemoData({ connection, models, cipher, log: silentLogger, clock, cases: 60 });
    expect(first).toMatchObject({ seeded: true, cases: 60 });

    const stored = await models.cases.find().lean().exec();
    expect(stored).toHaveLength(60);
    expect(new Set(stored.map((c) => c.province)).size).toBeGreaterThan(5);
    expect(new Set(stored.map((c) => c.status)).size).toBeGreaterThanOrEqual(4);
    // Encrypted and pseudonymised as real data: no name and no Telegram id in clear.
    const raw = JSON.stringify(await connection.db!.collection("cases").find().toArray()) + JSON.stringify(await connection.db!.collection("caselinks").find().toArray());
    expect(raw).not.toContain(DEMO_NAME_PREFIX_FA);
    expect(raw).not.toContain("Demo");
    const links = await models.caseLinks.find().lean().exec();
    expect(links.map((l) => l.userId)).toContain(cipher.userRef(DEMO_USER_ID_RANGE.first));

    // History: events spread over months, none in the future.
    const events = await models.caseEvents.find().lean().exec();
    expect(events.filter((e) => e.type === "status").length).toBeGreaterThan(30);
    const times = events.map((e) => e.at.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
    expect(now.getTime() - Math.min(...times)).toBeGreaterThan(90 * 24 * 60 * 60_000);

    // A coordinator opening one sees the marked, invented name.
    const staff = createCaseService({
      models,
      clock,
      cipher,
      audit: createAuditTrail(models, clock, cipher),
      delivery: { enqueue: () => Promise.resolve({ created: false, recipients: 0 }), withdrawRecipient: () => Promise.resolve(0) },
      defaultLocale: "fa",
      actorNow: (userId) => Promise.resolve(buildActor({ userId, grants: [{ role: "coordinator", provinces: [] }], isAdmin: false })),
    });
    const opened = await staff.findForStaff({ userId: 5 }, stored[0]!.reference);
    expect(opened.ok && opened.value.fullName.startsWith(DEMO_NAME_PREFIX_FA)).toBe(true);

    // A petition, open, signed by demo families over the past two months.
    expect(first).toMatchObject({ signatures: 180 });
    const petition = await models.petitions.findOne({ "texts.title": DEMO_PETITION_TITLE_FA }).lean().exec();
    expect(petition?.status).toBe("open");
    const signatures = await models.petitionSignatures.find({ petitionId: petition!._id, state: "active" }).lean().exec();
    expect(signatures).toHaveLength(180);
    expect(new Set(signatures.map((sig) => sig.signedDay)).size).toBeGreaterThan(30);
    expect(JSON.stringify(await connection.db!.collection("petition_signatures").find().toArray())).not.toContain("ن. م.");

    // An event in twelve days for every family, with answers from 60 of them (60 cases: 60 families).
    expect(first).toMatchObject({ answers: 60 });
    const event = await models.events.findOne({ "texts.title": DEMO_EVENT_TITLE_FA }).lean().exec();
    expect(event!.startsAt.getTime()).toBeGreaterThan(now.getTime());
    expect(await models.eventRsvps.countDocuments({ eventId: event!._id, answer: "yes" })).toBe(30);

    expect(await connection.db!.collection<{ _id: string }>(APP_META_COLLECTION).findOne({ _id: DEMO_META_ID })).toMatchObject({ cases: 60 });
    const second = await seedDemoData({ connection, models, cipher, log: silentLogger, clock, cases: 60 });
    expect(second).toEqual({ seeded: false, reason: "already-seeded" });
    expect(await models.cases.countDocuments()).toBe(60);
    expect(await models.petitions.countDocuments()).toBe(1);
    expect(await models.events.countDocuments()).toBe(1);
  }, 120_000);

  it("DEMO_DATA=false turns it off; it defaults to on", () => {
    expect(parseConfig({}).DEMO_DATA).toBe(true);
    expect(parseConfig({ DEMO_DATA: "false" }).DEMO_DATA).toBe(false);
  });

  it("a bot started with a token (the app, without local mode) stores no demo data", async () => {
    const bot = await startTestBot();
    try {
      expect(await bot.app.models.cases.countDocuments()).toBe(0);
      expect(await bot.app.connection.db!.collection<{ _id: string }>(APP_META_COLLECTION).findOne({ _id: DEMO_META_ID })).toBeNull();
    } finally {
      await bot.stop();
    }
  }, 60_000);
});
