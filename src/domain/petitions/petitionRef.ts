// Short references for deep links (t.me/<bot>?start=p_<ref>) and callback data: eight characters
// from an alphabet without look-alikes (no l/1, o/0), so a ref read aloud or retyped survives.

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
export const PETITION_REF_LENGTH = 8;
const REF_PATTERN = new RegExp(`^[${ALPHABET}]{${PETITION_REF_LENGTH}}$`);

/** A new ref from an injected random source returning numbers in [0, 1). */
export function generatePetitionRef(random: () => number): string {
  let ref = "";
  for (let i = 0; i < PETITION_REF_LENGTH; i += 1) ref += ALPHABET[Math.min(ALPHABET.length - 1, Math.floor(random() * ALPHABET.length))];
  return ref;
}

export function isPetitionRef(s: string): boolean {
  return REF_PATTERN.test(s);
}
