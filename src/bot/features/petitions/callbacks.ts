import { z } from "zod";
import { RELATIONS } from "../../../domain/relations.js";
import { defineCallback } from "../../callbackData.js";

const ref = z.string().regex(/^[a-z0-9]{4,16}$/);

// Buttons that work any time (petition cards, lists, management).
export const viewPetition = defineCallback("pv", { ref });
export const signPetition = defineCallback("ps", { ref, version: z.coerce.number().int().positive() });
export const withdrawSignature = defineCallback("pw", { ref });
export const confirmWithdrawal = defineCallback("pwc", { ref, answer: z.enum(["yes", "no"]) });
export const addAppeal = defineCallback("pa", { ref });
export const managePetition = defineCallback("pm", { ref });
export const MANAGE_ACTIONS = ["open", "close", "reopen", "deliver", "stats", "export", "edit", "lastcall"] as const;
export const petitionAction = defineCallback("pma", { ref, action: z.enum(MANAGE_ACTIONS) });
export const newPetition = defineCallback("pnew", {});
export const exportLetters = defineCallback("plx", {});
/** Send attachments of an export, a page at a time: scope is a petition ref or "letters". */
export const sendAttachments = defineCallback("pf", { scope: z.string().regex(/^([a-z0-9]{4,16}|letters)$/), from: z.coerce.number().int().min(0) });

// Buttons inside conversations.
export const createStep = defineCallback("pcs", { choice: z.enum(["skip", "save", "cancel"]) });
export const nameChoice = defineCallback("psn", { display: z.enum(["full", "initials", "anonymous", "cancel"]) });
export const provinceChoice = defineCallback("psp", { code: z.string().regex(/^[a-z_]{2,30}$/) });
export const relationChoice = defineCallback("psr", { relation: z.enum([...RELATIONS, "none"]) });
export const newsChoice = defineCallback("psw", { answer: z.enum(["yes", "no"]) });
export const confirmSigning = defineCallback("psc", { answer: z.enum(["sign", "cancel"]) });
export const appealOffer = defineCallback("pso", { answer: z.enum(["appeal", "done"]) });
export const appealCancel = defineCallback("pac", {});
/** The last call question: switch it off, or leave it as it is. */
export const lastCallStep = defineCallback("plc", { choice: z.enum(["off", "cancel"]) });
