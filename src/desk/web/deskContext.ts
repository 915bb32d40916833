// What every screen needs: the session (who, which language, which words), the API client, and
// number formatting in the reader's digits.

import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { DeskSession } from "../shared/deskApi.js";
import { bootText } from "./bootStrings.js";
import type { DeskClient, DeskFailure } from "./deskClient.js";
import type { NumberFormat } from "./numbers.js";

export interface Desk {
  session: DeskSession;
  client: DeskClient;
  /** A `desk-*` key → its text in the reader's language (the session's strings are keyed without the prefix). */
  t: (key: string) => string;
  fmt: NumberFormat;
  rtl: boolean;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (!desk) throw new Error("useDesk outside DeskContext");
  return desk;
}

export function sessionText(session: DeskSession, key: string): string {
  return session.strings[key.replace(/^desk-/, "")] ?? bootText(session.locale, key);
}

/** The words for a failed call; "unauthorized" means the init data expired: open the desk again from the bot. */
export const FAILURE_KEYS: Record<DeskFailure, string> = {
  unauthorized: "desk-error-unauthorized",
  forbidden: "desk-error-forbidden",
  not_found: "desk-error-not-found",
  invalid: "desk-error-invalid",
  conflict: "desk-error-conflict",
  network: "desk-error-network",
  server: "desk-error-server",
};

/** Failures worth a "try again" button (a fresh request may succeed). */
export function retryable(kind: DeskFailure): boolean {
  return kind === "network" || kind === "server" || kind === "conflict";
}
