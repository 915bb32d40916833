// The case service, composed of one file per kind of work:
//   caseRegistration.ts  a family registers a relative
//   familyCases.ts       a family sees and edits the cases it follows
//   caseWithdrawal.ts    a family withdraws (and what goes with it)
//   staffCaseWork.ts     staff look a case up and move its status
//   caseStatusNews.ts    families are told of status changes (and the repair of missed news)
//   caseDuplicates.ts    probable duplicates: found at registration, shown, merged or rejected
//   caseStore.ts         record helpers they share; caseTypes.ts the API and its types

import { createDuplicateDecisions, createDuplicateFinder } from "./caseDuplicates.js";
import { createCaseRegistration } from "./caseRegistration.js";
import { createCaseStatusNews } from "./caseStatusNews.js";
import { createCaseStore } from "./caseStore.js";
import type { CaseService, CaseServiceDeps } from "./caseTypes.js";
import { createCaseWithdrawal } from "./caseWithdrawal.js";
import { createFamilyCases } from "./familyCases.js";
import { createStaffCaseWork } from "./staffCaseWork.js";

export type * from "./caseTypes.js";

export function createCaseService(deps: CaseServiceDeps): CaseService {
  const store = createCaseStore(deps);
  const duplicates = createDuplicateFinder(deps);
  const news = createCaseStatusNews(deps);
  return {
    ...createCaseRegistration(deps, store, duplicates),
    ...createFamilyCases(deps, store),
    ...createCaseWithdrawal(deps, store),
    ...createStaffCaseWork(deps, store, duplicates, news),
    ...createDuplicateDecisions(deps, store),
    retryPendingNotifications: news.retryPendingNotifications,
  };
}
