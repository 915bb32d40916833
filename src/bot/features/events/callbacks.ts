import { z } from "zod";
import { RSVP_ANSWERS } from "../../../domain/events.js";
import { defineCallback } from "../../callbackData.js";

const eventId = z.string().regex(/^[0-9a-f]{24}$/);

/** Yes / Maybe / No under an invitation (and under the news that an event moved). */
export const rsvpButton = defineCallback("evr", { answer: z.enum(RSVP_ANSWERS), id: eventId });
/** The /newevent conversation's controls. */
export const newEventControl = defineCallback("evn", { action: z.enum(["skip", "cancel", "send", "discard", "nolink"]) });
/** An event's card from the /events list. */
export const eventCardButton = defineCallback("evc", { id: eventId });
/** Move or cancel an event from its card; cancelling asks once more. */
export const eventActionButton = defineCallback("eva", { action: z.enum(["move", "cancel", "confirm-cancel"]), id: eventId });
