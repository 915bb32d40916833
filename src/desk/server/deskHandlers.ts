// The desk's data routes as plain functions (mounted by deskServer.ts under /desk/api): the cases
// table, one case, a status move, the overview and the export. Each calls the same services as the
// chat's tools, which re-read the reader's role at the moment they act, so both show the same truth.

import type { Api } from "grammy";
import { sendCaseExport } from "../../bot/features/caseWork/caseExport.js";
import type { BotServices } from "../../bot/services.js";
import { can } from "../../domain/roles.js";
import type { DeskExportSent } from "../shared/deskApi.js";
import { createDeskCases, exportRequestSchema, forbidden, invalid } from "./deskCases.js";
import { createDeskOverview } from "./deskOverview.js";
import type { DeskAnswer, DeskHandlers, DeskReader } from "./deskReader.js";

export interface DeskHandlerDeps {
  services: Pick<BotServices, "cases" | "caseSearch" | "locations" | "statistics" | "petitions" | "events" | "clock">;
  /** The bot's API: the export is sent as a document to the reader's private chat. */
  api: Pick<Api, "sendDocument">;
}

export function createDeskHandlers(deps: DeskHandlerDeps): DeskHandlers {
  const { services, api } = deps;
  const cases = createDeskCases(services);
  const overview = createDeskOverview(services);
  return {
    cases: cases.cases,
    caseCard: cases.caseCard,
    moveStatus: cases.moveStatus,
    overview: overview.overview,

    /** The CSV of the filter, sent by the bot to the reader's private chat (as /export sends it; audited `case.export`). */
    async exportCsv(reader: DeskReader, body: unknown): Promise<DeskAnswer> {
      if (!can(reader.actor, "case.export")) return forbidden;
      const request = exportRequestSchema.safeParse(body);
      if (!request.success) return invalid;
      const sent = await sendCaseExport({ api, caseSearch: services.caseSearch, locations: services.locations, clock: services.clock }, reader.actor, reader, request.data.filter);
      if (!sent.ok) return sent.error === "forbidden" ? forbidden : invalid;
      const answer: DeskExportSent = { rows: sent.value.rows };
      return { status: 200, body: answer };
    },
  };
}
