import { z } from "zod";
import { REGISTRATION_STEPS } from "../../../domain/registration/steps.js";
import { defineCallback } from "../../callbackData.js";

const step = z.enum(REGISTRATION_STEPS);

/** A choice for the current step: `rgc:<step>:<value>` (a stale button of another step is refused). */
export const choiceButton = defineCallback("rgc", { step, value: z.string().regex(/^[a-z0-9_]{1,40}$/) });
/** Back, Skip, Cancel and the cancel confirmation. */
export const controlButton = defineCallback("rgx", { action: z.enum(["back", "skip", "cancel", "discard", "keep"]) });
/** Which calendar an ambiguous two-digit year was meant in. */
export const calendarButton = defineCallback("rgy", { calendar: z.enum(["solarHijri", "gregorian"]) });
/** On the summary: edit one answer, or save. */
export const summaryButton = defineCallback("rgs", { action: z.enum(["edit", "save", "cancel"]), step: z.union([step, z.literal("none")]) });
/** The consent screen. */
export const consentButton = defineCallback("rgk", { answer: z.enum(["agree", "decline"]) });
/** The offer to resume an unfinished registration (/start, menu). */
export const resumeButton = defineCallback("rgr", { action: z.enum(["continue", "restart"]) });

export const REGISTRATION_CALLBACK_FILTERS = [choiceButton.filter, controlButton.filter, calendarButton.filter, summaryButton.filter, consentButton.filter];
