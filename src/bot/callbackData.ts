import { z } from "zod";

/** A kind of inline button: its filter for routing, and its data packed and unpacked in one place. */
export interface CallbackButton<Data> {
  filter: RegExp;
  pack(data: Data): string;
  /** Null for data this button never packs: an old layout, or forged. */
  unpack(raw: string | undefined): Data | null;
}

const registeredPrefixes = new Set<string>();

/** Every button prefix defined so far (all of them once the bot's features are imported): the access matrix test checks each is in the table. */
export function registeredCallbackPrefixes(): readonly string[] {
  return [...registeredPrefixes].sort();
}

/**
 * Typed callback data: `lang:fa`, `team:revoke:1234:volunteer`. Packs fields in a fixed order and
 * parses them back with zod, so a forged or stale button can never reach a handler as bad data.
 * Telegram allows 64 bytes; pack() refuses anything longer.
 */
export function defineCallback<Shape extends Record<string, z.ZodType<string | number>>>(prefix: string, shape: Shape): CallbackButton<z.infer<z.ZodObject<Shape>>> {
  registeredPrefixes.add(prefix);
  const keys = Object.keys(shape);
  const schema = z.object(shape);
  const filter = new RegExp(`^${prefix}(:|$)`);
  type Data = z.infer<typeof schema>;
  return {
    filter,
    pack(data: Data): string {
      const values = keys.map((k) => String((data as Record<string, unknown>)[k]));
      if (values.some((v) => v.includes(":"))) throw new Error(`callback value with ":" for ${prefix}`);
      const packed = [prefix, ...values].join(":");
      if (Buffer.byteLength(packed, "utf8") > 64) throw new Error(`callback data over 64 bytes for ${prefix}`);
      return packed;
    },
    unpack(raw: string | undefined): Data | null {
      if (!raw || !filter.test(raw)) return null;
      const parts = raw.split(":").slice(1);
      if (parts.length !== keys.length) return null;
      const parsed = schema.safeParse(Object.fromEntries(keys.map((k, i) => [k, parts[i]])));
      return parsed.success ? parsed.data : null;
    },
  };
}
