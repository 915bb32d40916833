import { z } from "zod";

/**
 * What a /start deep link carries (t.me/<bot>?start=<payload>). Telegram allows 1–64 characters of
 * A–Z, a–z, 0–9, _ and -. Features add their own kinds here.
 */
export type StartPayload =
  | { kind: "none" }
  | { kind: "invite"; code: string }
  | { kind: "petition"; ref: string }
  /** The link the bot gives in a group: the person continues here, in private. */
  | { kind: "fromGroup" }
  | { kind: "unknown" };

const payloadSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const invitePattern = /^inv_([A-Za-z0-9_-]{16,40})$/;
/** Petition refs: see domain/petitions/petitionRef.ts (a stale or mistyped one is looked up and answered kindly). */
const petitionPattern = /^p_([a-z0-9]{4,16})$/;
const fromGroupPayload = "from_group";

export function parseStartPayload(raw: string | undefined): StartPayload {
  const trimmed = (raw ?? "").trim();
  if (trimmed === "") return { kind: "none" };
  if (!payloadSchema.safeParse(trimmed).success) return { kind: "unknown" };
  if (trimmed === fromGroupPayload) return { kind: "fromGroup" };
  const invite = invitePattern.exec(trimmed);
  if (invite?.[1]) return { kind: "invite", code: invite[1] };
  const petition = petitionPattern.exec(trimmed);
  if (petition?.[1]) return { kind: "petition", ref: petition[1] };
  return { kind: "unknown" };
}

export function inviteStartPayload(code: string): string {
  return `inv_${code}`;
}

export function petitionStartPayload(ref: string): string {
  return `p_${ref}`;
}

/** Carries nothing about the group or the person: it only says "continue in private". */
export function fromGroupStartPayload(): string {
  return fromGroupPayload;
}
