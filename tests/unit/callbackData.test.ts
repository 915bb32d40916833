import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineCallback } from "../../src/bot/callbackData.js";
import { parseStartPayload } from "../../src/domain/startPayload.js";

describe("typed callback data", () => {
  const revoke = defineCallback("trev", { userId: z.coerce.number().int().positive(), role: z.enum(["volunteer", "coordinator"]) });

  it("packs and unpacks in a fixed order", () => {
    const packed = revoke.pack({ userId: 42, role: "volunteer" });
    expect(packed).toBe("trev:42:volunteer");
    expect(revoke.unpack(packed)).toEqual({ userId: 42, role: "volunteer" });
  });

  it.each(["trev:42:admin", "trev:-1:volunteer", "trev:42", "trev:42:volunteer:x", "lang:fa", "", undefined])("refuses %s", (raw) => {
    expect(revoke.unpack(raw)).toBeNull();
  });

  it("refuses to pack more than Telegram's 64 bytes", () => {
    const long = defineCallback("x", { text: z.string() });
    expect(() => long.pack({ text: "ب".repeat(40) })).toThrow(/64 bytes/);
  });
});

describe("/start payloads", () => {
  it.each([
    [undefined, { kind: "none" }],
    ["", { kind: "none" }],
    ["inv_AbCdEfGhIjKlMnOpQrStUv", { kind: "invite", code: "AbCdEfGhIjKlMnOpQrStUv" }],
    ["inv_short", { kind: "unknown" }],
    ["hello world", { kind: "unknown" }],
    ["x".repeat(65), { kind: "unknown" }],
    ["$where", { kind: "unknown" }],
  ])("%s → %o", (raw, expected) => {
    expect(parseStartPayload(raw)).toEqual(expected);
  });
});
