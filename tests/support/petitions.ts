import type { NewPetition, PetitionService } from "../../src/services/petitions.js";

/** An invented petition in Persian and English; tests override what their story needs. */
export function petitionDraft(overrides: Partial<NewPetition> = {}): NewPetition {
  return {
    texts: [
      { locale: "fa", title: "بگذارید به خانه زنگ بزنند", body: "ما خانواده‌ها خواهش می‌کنیم راه تماس را باز کنید." },
      { locale: "en", title: "Let them call home", body: "We, the families, ask that a way to call be opened." },
    ],
    addressee: "The Minister of Examples",
    goal: 1000,
    deadline: null,
    milestones: [],
    ...overrides,
  };
}

/** A coordinator (or admin) writes a petition and opens it for signing, through the service; returns its ref. */
export async function openPetition(
  petitions: Pick<PetitionService, "create" | "changeStatus">,
  author: Parameters<PetitionService["create"]>[0],
  overrides: Partial<NewPetition> = {},
): Promise<string> {
  const created = await petitions.create(author, petitionDraft(overrides));
  if (!created.ok) throw new Error(`petition not created: ${created.error}`);
  const opened = await petitions.changeStatus(author, created.value.ref, "open");
  if (!opened.ok) throw new Error(`petition not opened: ${opened.error}`);
  return created.value.ref;
}
