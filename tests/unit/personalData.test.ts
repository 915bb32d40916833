import { describe, expect, it } from "vitest";
import { isErasedUser, erasedRecipient, personalDataJson, personalDataText, type PersonalData, type PersonalDataWords } from "../../src/domain/personalData.js";

const data: PersonalData = {
  generatedAt: new Date("2026-11-27T10:00:00Z"),
  profile: { locale: "fa", roles: [{ role: "volunteer", provinces: ["ardabil"], since: new Date("2026-01-02T00:00:00Z") }], adminByConfiguration: false, firstSeenAt: new Date("2026-01-01T00:00:00Z"), lastSeenAt: null, unreachableSince: null, timeZone: "Europe/Berlin", reminderOptOuts: ["case-checkin"] },
  cases: [
    {
      reference: "1234-5678-9",
      status: "registered",
      closeReason: null,
      followingSince: new Date("2026-01-01T00:00:00Z"),
      consentAt: new Date("2026-01-01T00:00:00Z"),
      answers: { fullName: "Amir Hasanzadeh", notes: "a scar on the left hand" },
      timeline: [{ at: new Date("2026-01-01T00:00:00Z"), type: "registered", to: "registered", closeReason: null, familyNote: null }],
    },
  ],
  signatures: [],
  signatureWithdrawals: [],
  letters: [{ kind: "voice", text: null, durationSeconds: 75, createdAt: new Date("2026-02-01T00:00:00Z"), to: "Amir", from: "Mother" }],
  messages: { total: 1, items: [{ at: new Date("2026-03-01T00:00:00Z"), kind: "broadcast", state: "failed" }] },
  invites: [{ role: "volunteer", provinces: ["ardabil"], createdAt: new Date("2026-04-01T00:00:00Z"), expiresAt: new Date("2026-04-08T00:00:00Z"), used: false }],
  unfinishedConversation: false,
  auditTrail: [{ at: new Date("2026-05-01T00:00:00Z"), action: "case.export", details: { rows: 12 } }],
};

/** Keys shown as `[key args]`, so the test sees what the formatter asks for. */
const words = (locale: string): PersonalDataWords => ({
  locale,
  t: (key, args) => `[${key}${args ? ` ${Object.values(args).join(" ")}` : ""}]`,
  date: (value) => value.toISOString().slice(0, 10),
  caseAnswers: (answers) => Object.entries(answers).map(([label, value]) => ({ label, value: String(value) })),
  province: (code) => `province:${code}`,
  relation: (code) => `relation:${code}`,
  language: (code) => `language:${code}`,
  digits: (value) => `#${value}`,
  auditAction: (action, details) => `action:${action}:${JSON.stringify(details)}`,
});

describe("the /mydata file", () => {
  it("in Persian starts with a byte order mark and every line reads right to left; values are isolated", () => {
    const text = personalDataText(data, words("fa"));
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split("\r\n").filter(Boolean);
    expect(lines.every((line) => line.startsWith("\u200f"))).toBe(true);
    expect(text).toContain("• fullName: \u2068Amir Hasanzadeh\u2069");
    expect(text).toContain("[mydata-case-heading #1234-5678-9 [status-registered]]");
    expect(text).toContain("[role-volunteer] (province:ardabil)");
    expect(text).toContain("[mydata-voice #75]");
    expect(text).toContain("2026-03-01: [mydata-kind-broadcast] ([mydata-not-delivered])");
    expect(text).toContain("2026-04-01: [role-volunteer] (province:ardabil) — [mydata-invite-unused 2026-04-08]");
    // Her own actions in words (the same phrases as /audit), with their counts.
    expect(text).toContain('2026-05-01: action:case.export:{"rows":12}');
  });

  it("in English has no right-to-left marks", () => {
    const text = personalDataText(data, words("en"));
    expect(text).not.toContain("\u200f");
    expect(text).toContain("• notes: \u2068a scar on the left hand\u2069");
    // The time zone and the reminders switched off in /settings are theirs too.
    expect(text).toContain("• [mydata-time-zone]: \u2068Europe/Berlin\u2069");
    expect(text).toContain("• [mydata-reminders-off]: \u2068[settings-reminder-case-checkin]\u2069");
  });

  it("as JSON carries the same data, dates as ISO strings", () => {
    const parsed = JSON.parse(personalDataJson(data)) as Record<string, unknown>;
    expect(parsed).toMatchObject({ generatedAt: "2026-11-27T10:00:00.000Z", cases: [{ answers: { notes: "a scar on the left hand" } }] });
  });
});

describe("erased markers", () => {
  it("are told apart from pseudonyms", () => {
    expect(isErasedUser("erased")).toBe(true);
    expect(isErasedUser(erasedRecipient("65a1"))).toBe(true);
    expect(isErasedUser("tg:abcdefgh:AAAAAAAAAAAAAAAAAAAAAA")).toBe(false);
  });
});
