import type { CallbackQueryContext } from "grammy";
import type { Message } from "grammy/types";
import type { CallbackButton } from "./callbackData.js";
import type { ConversationContext } from "./context.js";
import type { BotConversation } from "./conversationKit.js";

type AnyButton = Pick<CallbackButton<unknown>, "filter" | "unpack">;

/** A button the question takes only sometimes (Done with nothing chosen, Skip on a required answer). */
export interface ConditionalButton<Button extends AnyButton> {
  button: Button;
  /**
   * True to take the press; false to pass it on to the rest of the bot like any stale button; or
   * an alert (a locale key) that refuses it while the question stays open.
   */
  accepts(data: NonNullable<ReturnType<Button["unpack"]>>): boolean | { alert: string };
}

type ButtonEntry = AnyButton | ConditionalButton<AnyButton>;
export type ButtonSet = Record<string, ButtonEntry>;
type DataOf<E> = E extends ConditionalButton<infer B> ? NonNullable<ReturnType<B["unpack"]>> : E extends AnyButton ? NonNullable<ReturnType<E["unpack"]>> : never;

/** What a typed answer parses to: a value, or the key (and variables) of a message saying what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; variables?: Record<string, string | number> };

export interface Question<B extends ButtonSet, T> {
  /** Sends the question before waiting (leave it out when the caller has sent it). */
  prompt?: () => Promise<unknown>;
  /** Sends the question again after an answer that was refused with a message. */
  repeat?: () => Promise<unknown>;
  /** The buttons this question takes, by name; the answer says which one was pressed, with its data unpacked. */
  buttons?: B;
  /** Reads a typed answer; any other message gets the hint. */
  text?: (text: string) => Parsed<T> | Promise<Parsed<T>>;
  /** Reads any message (a photo, a voice, a shared contact) for questions that take more than text. */
  message?: (message: Message) => Parsed<T> | Promise<Parsed<T>>;
  /** Key of the hint for input the question does not take; default "please choose one of the buttons". */
  hint?: string;
}

type Pressed<B extends ButtonSet> = {
  [K in keyof B & string]: { kind: K; data: DataOf<B[K]>; ctx: CallbackQueryContext<ConversationContext> };
}[keyof B & string];
/** The name of a pressed button with its data, or `message` with the parsed value of what was sent. */
export type Answer<B extends ButtonSet, T> = [T] extends [never] ? Pressed<B> : Pressed<B> | { kind: "message"; value: T; ctx: ConversationContext };

type Refusal = { kind: "pass" } | { kind: "hint" } | { kind: "alert"; key: string } | { kind: "error"; key: string; variables?: Record<string, string | number> };
type Reading<B extends ButtonSet, T> = { ok: true; value: Answer<B, T> } | { ok: false; error: Refusal };

/**
 * Asks one question and waits for an answer it takes: a press of one of its buttons (answered
 * here) or a message its parser accepts. Built on the conversations plugin's `form.build`: refused
 * input is answered (a hint, or what is wrong and the question again) and dropped, so the
 * conversation keeps its place and every earlier answer. Commands, main-menu buttons and other
 * buttons go on to the rest of the bot — /cancel, the menu, a petition card keep working.
 */
export async function ask<B extends ButtonSet = Record<never, never>, T = never>(conversation: BotConversation, question: Question<B, T>): Promise<Answer<B, T>> {
  await question.prompt?.();
  return conversation.form.build<Answer<B, T>, Refusal>({
    validate: (ctx) => read(question, ctx),
    action: async (ctx) => {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    },
    otherwise: async (ctx, refusal) => {
      switch (refusal.kind) {
        case "pass":
          return conversation.skip({ next: true });
        case "hint":
          return void (await ctx.reply(ctx.t(question.hint ?? "reg-error-use-buttons")));
        case "alert":
          return void (await ctx.answerCallbackQuery({ text: ctx.t(refusal.key), show_alert: true }));
        case "error":
          await ctx.reply(ctx.t(refusal.key, refusal.variables));
          await question.repeat?.();
      }
    },
  });
}

async function read<B extends ButtonSet, T>(question: Question<B, T>, ctx: ConversationContext): Promise<Reading<B, T>> {
  const data = ctx.callbackQuery?.data;
  if (data !== undefined) return readPress(question.buttons ?? ({} as B), data, ctx);
  const message = ctx.message;
  if (ctx.isOutsideInput || !message) return { ok: false, error: { kind: "pass" } };
  let parsed: Parsed<T> | undefined;
  if (question.message) parsed = await question.message(message);
  else if (question.text && message.text !== undefined) parsed = await question.text(message.text);
  if (!parsed) return { ok: false, error: { kind: "hint" } };
  if (!parsed.ok) return { ok: false, error: { kind: "error", key: parsed.error, variables: parsed.variables ?? {} } };
  return { ok: true, value: { kind: "message", value: parsed.value, ctx } as Answer<B, T> };
}

function readPress<B extends ButtonSet, T>(buttons: B, data: string, ctx: ConversationContext): Reading<B, T> {
  for (const [kind, entry] of Object.entries(buttons)) {
    const conditional = "button" in entry ? entry : undefined;
    const button = conditional?.button ?? (entry as AnyButton);
    if (!button.filter.test(data)) continue;
    const unpacked = button.unpack(data);
    if (unpacked === null) continue;
    const verdict = conditional ? conditional.accepts(unpacked as never) : true;
    if (verdict === false) continue;
    if (verdict !== true) return { ok: false, error: { kind: "alert", key: verdict.alert } };
    return { ok: true, value: { kind, data: unpacked, ctx } as Answer<B, T> };
  }
  return { ok: false, error: { kind: "pass" } };
}
