// The page's only way to the server: every call carries the init data as `Authorization: tma <raw>`
// and turns the contract's error answers into one of a few kinds the page has words for.

import type {
  DeskCase,
  DeskCasesPage,
  DeskCasesRequest,
  DeskExportRequest,
  DeskExportSent,
  DeskOverview,
  DeskSession,
  DeskStatusMove,
  DeskStatusMoved,
} from "../shared/deskApi.js";

export type DeskFailure = "unauthorized" | "forbidden" | "not_found" | "invalid" | "conflict" | "network" | "server";

export class DeskCallFailed extends Error {
  constructor(readonly kind: DeskFailure) {
    super(`desk call failed: ${kind}`);
  }
}

export function failureOfStatus(status: number): DeskFailure {
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 400) return "invalid";
  if (status === 409) return "conflict";
  return "server";
}

type Fetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string; credentials: "omit"; cache: "no-store" }) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface DeskClient {
  session(): Promise<DeskSession>;
  cases(request: DeskCasesRequest): Promise<DeskCasesPage>;
  caseCard(caseId: string): Promise<DeskCase>;
  moveStatus(caseId: string, move: DeskStatusMove): Promise<DeskStatusMoved>;
  overview(): Promise<DeskOverview>;
  exportCsv(request: DeskExportRequest): Promise<DeskExportSent>;
}

/** `apiBase` is the absolute URL of `/desk/api/` (the page derives it from its own address). */
export function createDeskClient(initData: string, apiBase: string, fetchImpl: Fetch): DeskClient {
  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `tma ${initData}`, Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response: Awaited<ReturnType<Fetch>>;
    try {
      response = await fetchImpl(new URL(path, apiBase).toString(), {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        credentials: "omit",
        cache: "no-store",
      });
    } catch {
      throw new DeskCallFailed("network");
    }
    if (!response.ok) throw new DeskCallFailed(failureOfStatus(response.status));
    try {
      return (await response.json()) as T;
    } catch {
      throw new DeskCallFailed("network");
    }
  }
  // Case ids go in the path (they are opaque database ids, not personal data); encoded all the same.
  const casePath = (caseId: string) => `cases/${encodeURIComponent(caseId)}`;
  return {
    session: () => call("GET", "session"),
    cases: (request) => call("POST", "cases", request),
    caseCard: (caseId) => call("GET", casePath(caseId)),
    moveStatus: (caseId, move) => call("POST", `${casePath(caseId)}/status`, move),
    overview: () => call("GET", "overview"),
    exportCsv: (request) => call("POST", "export", request),
  };
}
