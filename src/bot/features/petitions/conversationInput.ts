import type { Message } from "grammy/types";
import { cleanText, type AppealInput } from "../../../domain/petitions/content.js";
import type { Parsed } from "../../ask.js";

/** A line of text for a petition, a signature or a letter, with the message for what is wrong with it. */
export function petitionText(raw: string, limit: number, multiline = false): Parsed<string> {
  const cleaned = cleanText(raw, limit, { multiline });
  return cleaned.ok ? cleaned : { ok: false, error: cleaned.error === "empty" ? "pet-error-text-empty" : "pet-error-text-too-long", variables: { limit } };
}

/** What a user sent as an appeal: text, a photo, a voice message — or anything else, to be answered kindly. */
export function appealInputOf(message: Message): AppealInput {
  if (message.text !== undefined) return { kind: "text", text: message.text };
  if (message.photo && message.photo.length > 0) {
    const largest = message.photo[message.photo.length - 1]!;
    return {
      kind: "photo",
      fileId: largest.file_id,
      fileUniqueId: largest.file_unique_id,
      ...(largest.file_size !== undefined ? { fileSize: largest.file_size } : {}),
      ...(message.caption !== undefined ? { caption: message.caption } : {}),
    };
  }
  if (message.voice) {
    return {
      kind: "voice",
      fileId: message.voice.file_id,
      fileUniqueId: message.voice.file_unique_id,
      duration: message.voice.duration,
      ...(message.voice.file_size !== undefined ? { fileSize: message.voice.file_size } : {}),
    };
  }
  if (message.sticker) return { kind: "unsupported", what: "sticker" };
  if (message.video) return { kind: "unsupported", what: "video" };
  if (message.video_note) return { kind: "unsupported", what: "video_note" };
  if (message.animation) return { kind: "unsupported", what: "animation" };
  if (message.audio) return { kind: "unsupported", what: "audio" };
  if (message.document) return { kind: "unsupported", what: "document" };
  if (message.location) return { kind: "unsupported", what: "location" };
  if (message.contact) return { kind: "unsupported", what: "contact" };
  return { kind: "unsupported", what: "other" };
}
