// A petition's life: drafted, opened for signing, closed, delivered to its addressee. The text can
// change only while nobody has signed; after the first signature it is frozen for good.

export const PETITION_STATUSES = ["draft", "open", "closed", "delivered"] as const;
export type PetitionStatus = (typeof PETITION_STATUSES)[number];

const NEXT: Readonly<Record<PetitionStatus, readonly PetitionStatus[]>> = {
  draft: ["open"],
  open: ["closed"],
  closed: ["delivered", "open"],
  delivered: [],
};

export function canTransition(from: PetitionStatus, to: PetitionStatus): boolean {
  return NEXT[from].includes(to);
}

export function nextStatuses(from: PetitionStatus): readonly PetitionStatus[] {
  return NEXT[from];
}

/** Why signing is not possible right now, or null when it is. */
export type NotSignableReason = "not_open" | "deadline_passed";

export function notSignableReason(petition: { status: PetitionStatus; deadline?: Date | null }, now: Date): NotSignableReason | null {
  if (petition.status !== "open") return "not_open";
  if (petition.deadline && now.getTime() > petition.deadline.getTime()) return "deadline_passed";
  return null;
}
