import { z } from "zod";
import { defineCallback } from "../../callbackData.js";

export const audienceKindButton = defineCallback("bak", { kind: z.enum(["families", "language", "caseStatus", "signers", "eventYes"]) });
/** The choice an audience kind needs: a language, a case status or a petition id (only the values offered are taken). */
export const audienceDetailButton = defineCallback("bad", { value: z.string().regex(/^[a-z0-9_]{1,24}$/) });
export const composeControl = defineCallback("bcx", { action: z.enum(["skip", "cancel", "send", "schedule", "daytime", "discard"]) });
/** Pause, resume or cancel a running broadcast from its progress message (`broadcast:<id>` carries only <id>). */
const jobControlData = defineCallback("bjc", { action: z.enum(["pause", "resume", "cancel"]), id: z.string().regex(/^[a-f0-9]{12}$/) });
export const jobControl = {
  filter: jobControlData.filter,
  pack: (data: { action: "pause" | "resume" | "cancel"; jobId: string }) => jobControlData.pack({ action: data.action, id: data.jobId.replace(/^broadcast:/, "") }),
  unpack: (raw: string | undefined) => {
    const data = jobControlData.unpack(raw);
    return data ? { action: data.action, jobId: `broadcast:${data.id}` } : null;
  },
};
