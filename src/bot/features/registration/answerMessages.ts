import type { Answer } from "../../../domain/registration/answers.js";
import type { Parsed } from "../../ask.js";

/** A parsed answer as `ask` reads it: an error becomes its "reg-error-…" message (with the limit it broke). */
export function withAnswerMessage<T>(answer: Answer<T>): Parsed<T> {
  return answer.ok ? answer : { ok: false, error: `reg-error-${answer.error}`, variables: { limit: answer.limit ?? 0 } };
}
