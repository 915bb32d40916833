import { z } from "zod";

/**
 * What a /start deep link carries (t.me/<bot>?start=<payload>). Telegram allows 1–64 characters of
 * A–Z, a–z, 0–9, _ and -. Features add their own kinds here.
 */
export type StartPayload =
  | { kind: "none" }
  | { kind: "invite"; code: string }
  | { kind: "unknown" };

const payloadSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const invitePattern = /^inv_([A-Za-z0-9_-]{16,40})$/;

export function parseStartPayload(raw: string | undefined): StartPayload {
  const trimmed = (raw ?? "").trim();
  if (trimmed === "") return { kind: "none" };
  if (!payloadSchema.safeParse(trimmed).success) return { kind: "unknown" };
  const invite = invitePattern.exec(trimmed);
  if (invite?.[1]) return { kind: "invite", code: invite[1] };
  return { kind: "unknown" };
}

export function inviteStartPayload(code: string): string {
  return `inv_${code}`;
}
