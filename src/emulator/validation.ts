// zod building blocks for Bot API parameters. Form and query bodies carry every value as a string,
// so numbers and booleans accept both shapes, like Telegram does.
import { z } from "zod";
import { badRequest } from "./botApiError.js";

export const intParam = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const boolParam = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]);

export const stringParam = z.union([z.string(), z.number().transform(String)]);

/** Numeric ids as numbers; "@username" stays a string (private chats cannot be addressed that way). */
export const chatIdParam = z.union([intParam, z.string().min(1)], { error: "chat_id is empty" });

export const arrayParam = z.array(z.unknown());

const defaultIssue = "__default__";

/** Parses method params; the first problem becomes a Telegram-style 400. */
export function parseParams<T extends z.ZodType>(schema: T, params: Record<string, unknown>): z.output<T> {
  const result = schema.safeParse(params, { error: () => defaultIssue });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (!issue || issue.message === defaultIssue) {
    const field = issue?.path.join(".") ?? "parameters";
    const value = field ? params[String(issue?.path[0])] : undefined;
    throw badRequest(value === undefined ? `parameter "${field}" is required` : `invalid parameter "${field}"`);
  }
  throw badRequest(issue.message);
}
