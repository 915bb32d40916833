// Telegram MessageEntity and the error the parsers raise; offsets are UTF-16 units like the Bot API.

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
  custom_emoji_id?: string;
}

/** Message after "Bad Request: can't parse entities: ". */
export class EntityParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EntityParseError";
  }
}

/** Telegram reports positions as UTF-8 byte offsets into the original text. */
export function byteOffsetAt(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), "utf8");
}

export function sortEntities(entities: MessageEntity[]): MessageEntity[] {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}
