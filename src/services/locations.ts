import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Clock } from "../clock.js";
import type { Models } from "../db/models/index.js";
import { can, type ActingUser, type ActorLookup } from "../domain/roles.js";
import type { UserRefCipher } from "../security/fieldCipher.js";
import type { AuditTrail } from "./audit.js";

export interface BelievedLocation {
  code: string;
  names: Record<string, string>;
}

export interface LocationService {
  listActive(): Promise<BelievedLocation[]>;
  add(actor: ActingUser, names: Record<string, string>): Promise<{ ok: true; value: BelievedLocation } | { ok: false; error: "forbidden" | "name_required" }>;
  deactivate(actor: ActingUser, code: string): Promise<boolean>;
}

const namesSchema = z.record(z.string().regex(/^[a-z]{2,3}$/), z.string().min(1).max(80));

/** The list of places where relatives are believed to be, kept by coordinators as data (roles re-read as they act). */
export function createLocationService(models: Models, clock: Clock, audit: AuditTrail, actorNow: ActorLookup, cipher: UserRefCipher): LocationService {
  return {
    async listActive() {
      const rows = await models.locations.find({ active: true }).sort({ createdAt: 1 }).lean().exec();
      return rows.map((row) => ({ code: row.code, names: namesSchema.parse(JSON.parse(row.namesJson)) }));
    },
    async add(acting, names) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "location.manage")) return { ok: false, error: "forbidden" };
      const parsed = namesSchema.safeParse(names);
      if (!parsed.success || Object.keys(parsed.data).length === 0) return { ok: false, error: "name_required" };
      const code = `loc_${randomBytes(4).toString("hex")}`;
      await models.locations.create({ code, namesJson: JSON.stringify(parsed.data), active: true, createdBy: cipher.userRef(actor.userId), createdAt: clock.now() });
      await audit.record(actor.userId, "location.add", code);
      return { ok: true, value: { code, names: parsed.data } };
    },
    async deactivate(acting, code) {
      const actor = await actorNow(acting.userId);
      if (!can(actor, "location.manage")) return false;
      const result = await models.locations.updateOne({ code }, { $set: { active: false } }).exec();
      if (result.modifiedCount > 0) await audit.record(actor.userId, "location.deactivate", code);
      return result.modifiedCount > 0;
    },
  };
}

/** A location's name in a locale, falling back to any name it has. */
export function locationName(location: BelievedLocation, locale: string, fallbackLocale = "en"): string {
  return location.names[locale] ?? location.names[fallbackLocale] ?? Object.values(location.names)[0] ?? location.code;
}
