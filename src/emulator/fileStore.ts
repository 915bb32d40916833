// Files the emulator has "seen": generated ids look like Telegram's and can be sent again by file_id.
import { badRequest } from "./botApiError.js";
import type { TelegramObject } from "./types.js";

export type FileKind = "photo" | "document" | "voice" | "sticker" | "video" | "audio" | "animation";

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  kind: FileKind;
  fileSize: number;
  fileName?: string;
  mimeType?: string;
  /** Bytes of a file the bot uploaded (absent for files users "sent" and for URLs). */
  content?: Buffer;
  /** What goes into Message.<kind> (a PhotoSize[] for photos). */
  telegramValue: TelegramObject | TelegramObject[];
}

export interface NewFile {
  kind: FileKind;
  fileSize?: number;
  fileName?: string;
  mimeType?: string;
  duration?: number;
  content?: Buffer;
}

const idPrefix: Record<FileKind, string> = {
  photo: "AgACAgIAAxkBAAI",
  document: "BQACAgIAAxkBAAI",
  voice: "AwACAgIAAxkBAAI",
  sticker: "CAACAgIAAxkBAAI",
  video: "BAACAgIAAxkBAAI",
  audio: "CQACAgIAAxkBAAI",
  animation: "CgACAgIAAxkBAAI",
};

const photoSizes = [
  { width: 90, height: 67, share: 0.02 },
  { width: 320, height: 240, share: 0.15 },
  { width: 800, height: 600, share: 1 },
];

export class FileStore {
  private readonly files = new Map<string, StoredFile>();
  private counter = 0;

  get(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  create(input: NewFile): StoredFile {
    const fileSize = input.fileSize ?? defaultSize(input.kind);
    if (input.kind === "photo") {
      const sizes = photoSizes.map((size) => {
        const ids = this.nextIds("photo");
        return {
          file_id: ids.fileId,
          file_unique_id: ids.fileUniqueId,
          file_size: Math.max(1, Math.round(fileSize * size.share)),
          width: size.width,
          height: size.height,
        };
      });
      // Every size is addressable; sending any of them again yields the same set.
      const stored = sizes.map((size) => this.remember({
        fileId: size.file_id,
        fileUniqueId: size.file_unique_id,
        kind: "photo",
        fileSize: size.file_size,
        // An uploaded picture keeps its bytes (every size shows the original), so a test can read what the bot drew.
        ...(input.content ? { content: input.content } : {}),
        telegramValue: sizes,
      }));
      return stored[stored.length - 1]!;
    }
    const ids = this.nextIds(input.kind);
    const value: TelegramObject = { file_id: ids.fileId, file_unique_id: ids.fileUniqueId, file_size: fileSize };
    if (input.kind === "document") {
      value.file_name = input.fileName ?? "document.pdf";
      value.mime_type = input.mimeType ?? "application/pdf";
    }
    if (input.kind === "voice") {
      value.duration = input.duration ?? 3;
      value.mime_type = input.mimeType ?? "audio/ogg";
    }
    if (input.kind === "video") Object.assign(value, { width: 640, height: 360, duration: input.duration ?? 5, mime_type: "video/mp4" });
    if (input.kind === "sticker") Object.assign(value, { type: "regular", width: 512, height: 512, is_animated: false, is_video: false, emoji: "🙂" });
    return this.remember({
      ...ids,
      kind: input.kind,
      fileSize,
      ...(input.fileName ? { fileName: input.fileName } : {}),
      ...(input.mimeType ? { mimeType: input.mimeType } : {}),
      ...(input.content ? { content: input.content } : {}),
      telegramValue: value,
    });
  }

  /** A send* argument: an existing file_id, an http(s) URL, or an upload already turned into a file. */
  resolve(input: unknown, kind: FileKind, fallback: NewFile): StoredFile {
    if (typeof input !== "string" || input === "") throw badRequest(`there is no ${kind} in the request`);
    if (/^https?:\/\//i.test(input)) return this.create(fallback);
    const known = this.files.get(input);
    if (!known) throw badRequest("wrong file identifier/HTTP URL specified");
    if (known.kind !== kind) throw badRequest(`can't use file of type ${capitalize(known.kind)} as ${capitalize(kind)}`);
    return known;
  }

  private remember(file: StoredFile): StoredFile {
    this.files.set(file.fileId, file);
    return file;
  }

  private nextIds(kind: FileKind): { fileId: string; fileUniqueId: string } {
    this.counter += 1;
    const serial = this.counter.toString(36).padStart(6, "0");
    return { fileId: `${idPrefix[kind]}${serial}_emu`, fileUniqueId: `AQAD${serial}` };
  }
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function defaultSize(kind: FileKind): number {
  return kind === "photo" ? 120_000 : kind === "voice" ? 12_000 : 50_000;
}
