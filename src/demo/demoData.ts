// Demo data for local mode (issue #11 "Local mode shows something"): on the first start without a
// token, a few hundred invented cases across provinces and statuses, with their history over the
// past months, so a newcomer sees /find, /stats and the charts working. Everything goes through the
// case service (encrypted fields, pseudonymous users, audit) exactly as real data would.
//
// Recognisable and removable: every invented name starts with «نمونه» / "Demo", every demo family
// has a Telegram id in DEMO_USER_ID_RANGE (no real account has ids that small), and app_meta holds
// `{_id: "demo-data", seededAt}` once the seeding finished. Loaded only by src/localMode.ts: never with a token.

import type { Connection } from "mongoose";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import type { CaseStatus } from "../domain/caseStatus.js";
import { formatDigits } from "../domain/digits.js";
import { listProvinces } from "../domain/provinces.js";
import type { CompleteRegistration } from "../domain/registration/draft.js";
import { LAST_CONTACT_METHODS, RELATIONS, SEXES } from "../domain/relations.js";
import { buildActor } from "../domain/roles.js";
import type { Logger } from "../logger.js";
import { APP_META_COLLECTION } from "../security/keyCheck.js";
import type { FieldCipher } from "../security/fieldCipher.js";
import { createAuditTrail } from "../services/audit.js";
import { createCaseService } from "../services/cases/caseService.js";
import { createEventService } from "../services/events.js";
import { createPetitionService } from "../services/petitions.js";
import type { DeliveryService } from "../delivery/types.js";
import type { ReminderService } from "../services/reminders/reminderTypes.js";

export const DEMO_META_ID = "demo-data";
export const DEMO_NAME_PREFIX_FA = "نمونه";
export const DEMO_NAME_PREFIX_EN = "Demo";
/** Invented families' Telegram ids: far below any real account's. */
export const DEMO_USER_ID_RANGE = { first: 1_000, last: 1_999 } as const;
/** The coordinator who moves the demo cases along (an admin for the seeding only, never stored). */
const DEMO_COORDINATOR_ID = 999;
const DAY_MS = 24 * 60 * 60_000;

const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ["علی", "Ali"], ["مریم", "Maryam"], ["حسن", "Hasan"], ["زهرا", "Zahra"], ["رضا", "Reza"], ["فاطمه", "Fatemeh"],
  ["محمود", "Mahmoud"], ["لیلا", "Leila"], ["جواد", "Javad"], ["سیمین", "Simin"], ["بهروز", "Behrouz"], ["پروین", "Parvin"],
];
const FAMILY_NAMES: readonly (readonly [string, string])[] = [
  ["کاظمی", "Kazemi"], ["حسن‌زاده", "Hasanzadeh"], ["رحیمی", "Rahimi"], ["موسوی", "Mousavi"], ["نوروزی", "Nowruzi"],
  ["کریمی", "Karimi"], ["صادقی", "Sadeghi"], ["جعفری", "Jafari"], ["تهرانی", "Tehrani"], ["قاسمی", "Ghasemi"],
];
/** The path each demo case walks, by how far it got (closed ones close from outreach). */
const PATH: readonly CaseStatus[] = ["registered", "under_review", "verified", "outreach", "contact_established"];

export interface DemoSeedOptions {
  connection: Connection;
  models: Models;
  cipher: FieldCipher;
  log: Logger;
  /** The real clock: demo history is spread over the months before it. */
  clock: Clock;
  /** How many cases (default 300). */
  cases?: number;
}

export type DemoSeedResult = { seeded: false; reason: "already-seeded" } | { seeded: true; cases: number; statusChanges: number; signatures: number; answers: number };

/** The demo event's Persian title (found again after an interrupted seeding). */
export const DEMO_EVENT_TITLE_FA = `${DEMO_NAME_PREFIX_FA}: دیدار آنلاین خانواده‌ها`;

/** The demo petition's Persian title: how a second, interrupted-then-resumed seeding finds it. */
export const DEMO_PETITION_TITLE_FA = `${DEMO_NAME_PREFIX_FA}: نامه به دفتر حقوق بشر سازمان ملل`;

/** A small deterministic sequence, so the demo looks the same on every machine. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The demo case number i as a family would register it (invented names, marked as demo). */
export function demoRegistration(i: number, pick: () => number): CompleteRegistration {
  const [givenFa, givenEn] = GIVEN_NAMES[i % GIVEN_NAMES.length]!;
  const [familyFa, familyEn] = FAMILY_NAMES[Math.floor(i / GIVEN_NAMES.length) % FAMILY_NAMES.length]!;
  const provinces = listProvinces();
  // Some provinces have many families, most a few: weight towards the first dozen.
  const province = provinces[Math.floor(pick() ** 2 * provinces.length)]!.code;
  return {
    relation: RELATIONS[i % RELATIONS.length]!,
    fullName: `${DEMO_NAME_PREFIX_FA} ${givenFa} ${familyFa} ${formatDigits(i + 1, "fa")}`,
    otherNames: `${DEMO_NAME_PREFIX_EN} ${givenEn} ${familyEn}`,
    sex: SEXES[i % SEXES.length]!,
    birthYear: 1955 + Math.floor(pick() * 30),
    leftYear: 1981 + Math.floor(pick() * 25),
    leftPlace: null,
    location: "unknown",
    photoFileId: null,
    notes: null,
    familyProvince: province,
    familyCity: null,
    lastContactYear: null,
    lastContactMethod: LAST_CONTACT_METHODS[i % LAST_CONTACT_METHODS.length]!,
    contactPreference: "telegram",
  };
}

/**
 * Seeds the demo once (app_meta `demo-data` says it was done). Safe to run again after an
 * interrupted start: each demo registration has a fixed consent time, which the case service
 * treats as the same registration.
 */
export async function seedDemoData(options: DemoSeedOptions): Promise<DemoSeedResult> {
  const { connection, models, cipher, log } = options;
  const meta = connection.db!.collection<{ _id: string; anchor?: Date; seededAt?: Date }>(APP_META_COLLECTION);
  // The first attempt fixes the moment the demo's history is counted back from: an interrupted
  // seeding resumed later registers the same cases at the same consent times (no duplicates).
  await meta.updateOne({ _id: DEMO_META_ID }, { $setOnInsert: { anchor: options.clock.now() } }, { upsert: true });
  const started = await meta.findOne({ _id: DEMO_META_ID });
  if (!started?.anchor || started.seededAt) return { seeded: false, reason: "already-seeded" };
  const total = options.cases ?? 300;
  const realNow = started.anchor.getTime();
  // The services read this clock: each demo step happens on its own day in the past months.
  let at = realNow;
  const clock: Clock = { now: () => new Date(at) };
  const cases = createCaseService({
    models,
    clock,
    cipher,
    audit: createAuditTrail(models, clock, cipher),
    // Invented families have no chat: nothing is sent to them.
    delivery: { enqueue: () => Promise.resolve({ created: false, recipients: 0 }), withdrawRecipient: () => Promise.resolve(0) },
    defaultLocale: "fa",
    actorNow: (userId) => Promise.resolve(buildActor({ userId, grants: [], isAdmin: userId === DEMO_COORDINATOR_ID })),
  });
  const coordinator = { userId: DEMO_COORDINATOR_ID };
  const pick = sequence(11);
  const span = DEMO_USER_ID_RANGE.last - DEMO_USER_ID_RANGE.first + 1;
  let statusChanges = 0;
  for (let i = 0; i < total; i++) {
    // Registered 1 to 240 days ago; each later step 3 to 20 days after the one before.
    const registeredAt = realNow - Math.floor(1 + pick() * 239) * DAY_MS - Math.floor(pick() * DAY_MS);
    at = registeredAt;
    const { caseId } = await cases.register({
      userId: DEMO_USER_ID_RANGE.first + (i % span),
      locale: i % 5 === 0 ? "en" : "fa",
      draft: demoRegistration(i, pick),
      consentAt: new Date(registeredAt),
    });
    const reached = Math.floor(pick() * PATH.length);
    const closes = pick() < 0.08;
    const steps: { to: CaseStatus; reason?: "reunited" | "not_found" }[] = PATH.slice(1, reached + 1).map((to) => ({ to }));
    if (closes) steps.push({ to: "closed", reason: pick() < 0.5 ? "reunited" : "not_found" });
    for (const step of steps) {
      const next = at + Math.floor((3 + pick() * 17) * DAY_MS);
      if (next >= realNow) break;
      at = next;
      const moved = await cases.changeStatus(coordinator, caseId, step.reason ? { to: step.to, reason: step.reason } : { to: step.to });
      // Again after an interrupted seeding: the step was taken the first time.
      if (moved.ok) statusChanges++;
    }
  }
  const signatures = await seedDemoPetition({ ...options, clock }, (ms) => (at = ms), realNow, pick);
  const answers = await seedDemoEvent({ ...options, clock }, (ms) => (at = ms), realNow);
  at = realNow;
  await meta.updateOne({ _id: DEMO_META_ID }, { $set: { seededAt: options.clock.now(), cases: total } });
  log.info({ cases: total, statusChanges, signatures, answers }, "demo data seeded (local mode)");
  return { seeded: true, cases: total, statusChanges, signatures, answers };
}

/** One online gathering in twelve days, for every family; some demo families have answered. */
async function seedDemoEvent(options: DemoSeedOptions & { clock: Clock }, setNow: (ms: number) => void, realNow: number): Promise<number> {
  const { models, cipher, clock } = options;
  // Invented families have no chat: no invitation and no reminder is sent to them. The event
  // service only enqueues, so the rest of the outbox's interface is never reached.
  const noDelivery: Pick<DeliveryService, "enqueue"> = { enqueue: () => Promise.resolve({ created: false, recipients: 0 }) };
  const noReminders: Pick<ReminderService, "schedule" | "cancelByPrefix"> = { schedule: () => Promise.resolve({ stored: 0 }), cancelByPrefix: () => Promise.resolve(0) };
  const events = createEventService({
    models,
    clock,
    delivery: noDelivery as DeliveryService,
    reminders: noReminders,
    audit: createAuditTrail(models, clock, cipher),
    actorNow: (userId) => Promise.resolve(buildActor({ userId, grants: [], isAdmin: userId === DEMO_COORDINATOR_ID })),
    cipher,
    defaultLocale: "fa",
    defaultTimeZone: "Asia/Tehran",
  });
  setNow(realNow - 2 * DAY_MS);
  const existing = await models.events.findOne({ "texts.title": DEMO_EVENT_TITLE_FA }, { _id: 1 }).lean().exec();
  let eventId = existing?._id.toHexString();
  if (!eventId) {
    const created = await events.create(
      { userId: DEMO_COORDINATOR_ID },
      {
        texts: [
          { locale: "fa", title: DEMO_EVENT_TITLE_FA, description: "یک رویداد نمونه برای آشنایی با ربات." },
          { locale: "en", title: `${DEMO_NAME_PREFIX_EN}: online gathering of the families`, description: "A demo event." },
        ],
        startsAt: new Date(realNow + 12 * DAY_MS),
        link: null,
        audience: { kind: "families", provinces: "all" },
      },
    );
    if (!created.ok) throw new Error(`demo event: ${created.error}`);
    eventId = created.value.eventId;
  }
  const answersGiven = ["yes", "yes", "maybe", "no"] as const;
  let answered = 0;
  for (let i = 0; i < 60; i++) {
    setNow(realNow - 2 * DAY_MS + i * 600_000);
    const result = await events.answer(DEMO_USER_ID_RANGE.first + i, eventId, answersGiven[i % answersGiven.length]!, "fa");
    if (result.ok) answered++;
  }
  return answered;
}

/** One open petition, signed by the demo families over the past two months. Returns its count. */
async function seedDemoPetition(options: DemoSeedOptions & { clock: Clock }, setNow: (ms: number) => void, realNow: number, pick: () => number): Promise<number> {
  const { models, cipher, clock } = options;
  const petitions = createPetitionService({
    models,
    clock,
    audit: createAuditTrail(models, clock, cipher),
    timeZone: "Asia/Tehran",
    fields: cipher,
    delivery: { enqueue: () => Promise.resolve({ created: false, recipients: 0 }) },
    defaultLocale: "fa",
    actorNow: (userId) => Promise.resolve(buildActor({ userId, grants: [], isAdmin: userId === DEMO_COORDINATOR_ID })),
    cipher,
  });
  const coordinator = { userId: DEMO_COORDINATOR_ID };
  setNow(realNow - 70 * DAY_MS);
  const existing = await models.petitions.findOne({ "texts.title": DEMO_PETITION_TITLE_FA }, { ref: 1 }).lean().exec();
  let ref = existing?.ref;
  if (!ref) {
    const created = await petitions.create(coordinator, {
      texts: [
        { locale: "fa", title: DEMO_PETITION_TITLE_FA, body: "این یک دادخواست نمونه است: ما خانواده‌ها می‌خواهیم صدای عزیزانمان را بشنویم." },
        { locale: "en", title: `${DEMO_NAME_PREFIX_EN}: letter to the UN human rights office`, body: "A demo petition: we families ask to hear our relatives' voices." },
      ],
      addressee: `${DEMO_NAME_PREFIX_EN} addressee`,
      goal: 500,
      deadline: null,
      milestones: [100, 250],
    });
    if (!created.ok) throw new Error(`demo petition: ${created.error}`);
    const opened = await petitions.changeStatus(coordinator, created.value.ref, "open");
    if (!opened.ok) throw new Error(`demo petition: ${opened.error}`);
    ref = created.value.ref;
  }
  const view = await petitions.get(ref);
  if (!view) throw new Error("demo petition vanished");
  let count = 0;
  const signers = 180;
  for (let i = 0; i < signers; i++) {
    setNow(realNow - Math.floor((1 - i / signers) * 60 * DAY_MS) - Math.floor(pick() * 3_600_000));
    const signed = await petitions.sign({
      userId: DEMO_USER_ID_RANGE.first + i,
      ref,
      seenVersion: view.textVersion,
      nameDisplay: i % 3 === 0 ? "anonymous" : "initials",
      ...(i % 3 === 0 ? {} : { name: "ن. م." }),
      province: listProvinces()[Math.floor(pick() ** 2 * listProvinces().length)]!.code,
      notify: false,
      locale: "fa",
    });
    if (signed.ok) count = signed.value.count;
  }
  return count;
}
