// One Bot API call end to end: outage, validate, then flood storm and limits, then blocked/fault draws, then run and log.
import { botBlocked, BotApiError, tooManyRequests } from "./botApiError.js";
import type { EmulatorState } from "./emulatorState.js";
import { findMethod } from "./methods/index.js";
import { isBlocked } from "./methods/methodTypes.js";
import type { Upload } from "./requestBody.js";
import type { ApiCall } from "./types.js";

export type CallOutcome =
  | { kind: "ok"; result: unknown }
  | { kind: "error"; error: BotApiError }
  /** The emulator keeps the socket open for `ms`, then destroys it without answering. */
  | { kind: "timeout"; ms: number };

export async function callBotApi(
  state: EmulatorState,
  requestedMethod: string,
  params: Record<string, unknown>,
  uploads: Map<string, Upload>,
  abort: AbortSignal,
): Promise<CallOutcome> {
  const at = state.now();
  const spec = findMethod(requestedMethod);
  const call: ApiCall = { method: spec?.name ?? requestedMethod, params: paramsForLog(params, uploads), at, ok: false };
  const fail = (error: BotApiError): CallOutcome => {
    call.errorCode = error.errorCode;
    call.description = error.description;
    if (error.parameters?.retry_after !== undefined) call.retryAfter = error.parameters.retry_after;
    state.log.record(call);
    return { kind: "error", error };
  };
  /** The Bot API is down (`faults.unreachable`): no answer, the connection is dropped (at once, or when it is back). */
  const unanswered = async (): Promise<CallOutcome> => {
    call.unanswered = true;
    call.description = "emulated outage: no answer, connection dropped";
    if (state.faults.unreachable === "hang") await state.faults.waitWhileUnreachable(abort);
    state.log.record(call);
    return { kind: "timeout", ms: 0 };
  };
  if (state.faults.unreachable) return unanswered();
  if (!spec) return fail(new BotApiError(404, "Not Found"));
  try {
    const prepared = await spec.prepare(params, { state, uploads, abort });
    if (prepared.paid) call.paid = true;
    const chatId = prepared.chatId;
    if (spec.sending && chatId !== undefined) {
      await state.faults.waitWhileHeld(chatId, abort);
      if (abort.aborted) {
        call.description = "emulated hold: the client went away while the call was held";
        state.log.record(call);
        return { kind: "timeout", ms: 0 };
      }
    }
    // Down while this call was held or prepared: it never runs.
    if (state.faults.unreachable) return unanswered();
    if (spec.sending && chatId !== undefined) {
      const storm = state.faults.floodStorm(chatId, state.now());
      if (storm.flood) {
        if (storm.earlyByMs !== undefined) call.retryAfterViolationMs = storm.earlyByMs;
        return fail(tooManyRequests(storm.retryAfter));
      }
      const decision = state.limiter.trySend(chatId, prepared.paid === true);
      if (!decision.allowed) return fail(tooManyRequests(decision.retryAfter));
    }
    if ((spec.sending || spec.blockable) && chatId !== undefined && isBlocked(state, chatId)) return fail(botBlocked());
    if (spec.sending) {
      const fault = state.faults.draw();
      if (fault.kind === "serverError") {
        return fail(new BotApiError(fault.status, fault.status === 500 ? "Internal Server Error" : "Bad Gateway"));
      }
      if (fault.kind === "timeout") {
        call.description = "emulated timeout: no response, socket destroyed";
        state.log.record(call);
        return { kind: "timeout", ms: fault.ms };
      }
    }
    const result = await prepared.run();
    call.ok = true;
    state.log.record(call);
    return { kind: "ok", result };
  } catch (error) {
    if (error instanceof BotApiError) return fail(error);
    console.error(`[emulator] ${call.method} crashed`, error);
    return fail(new BotApiError(500, "Internal Server Error"));
  }
}

/** Uploaded files are logged as a short description instead of bytes. */
function paramsForLog(params: Record<string, unknown>, uploads: Map<string, Upload>): Record<string, unknown> {
  if (uploads.size === 0) return params;
  const logged: Record<string, unknown> = { ...params };
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === "string" && value.startsWith("attach://")) {
      const upload = uploads.get(value.slice("attach://".length));
      if (upload) logged[key] = { upload: upload.filename, size: upload.size };
    }
  }
  for (const [name, upload] of uploads) {
    if (!(name in logged) && !/^[a-z0-9]{16}$/.test(name)) logged[name] = { upload: upload.filename, size: upload.size };
  }
  return logged;
}
