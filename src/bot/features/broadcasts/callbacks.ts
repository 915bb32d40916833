import { z } from "zod";
import { CASE_STATUSES } from "../../../domain/caseStatus.js";
import { defineCallback } from "../../callbackData.js";

export const audienceKindButton = defineCallback("bak", { kind: z.enum(["families", "language", "caseStatus", "signers"]) });
export const audienceLocaleButton = defineCallback("bal", { locale: z.string().regex(/^[a-z]{2,3}$/) });
export const audienceStatusButton = defineCallback("bas", { status: z.enum(CASE_STATUSES) });
export const audiencePetitionButton = defineCallback("bap", { petitionId: z.string().regex(/^[a-f0-9]{24}$/) });
export const composeControl = defineCallback("bcx", { action: z.enum(["skip", "cancel", "send", "schedule", "discard"]) });
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
