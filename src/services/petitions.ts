// The petition service, composed of one file per kind of work (in services/petitions/):
//   petitionManagement.ts  organisers create, edit and move petitions; everyone reads them
//   petitionSigning.ts     signing and withdrawing a signature
//   petitionStatistics.ts  a petition's numbers for its organisers
//   petitionMilestones.ts  milestones recorded once, their news enqueued (and the repair)
//   petitionRecords.ts     the view, counts and job ids they share; petitionTypes.ts the API and its types

import { createPetitionManagement } from "./petitions/petitionManagement.js";
import { createPetitionMilestones } from "./petitions/petitionMilestones.js";
import { createPetitionStore } from "./petitions/petitionRecords.js";
import { createPetitionSigning } from "./petitions/petitionSigning.js";
import { createPetitionStatistics } from "./petitions/petitionStatistics.js";
import type { PetitionService, PetitionServiceDeps } from "./petitions/petitionTypes.js";

export { milestoneJobId, milestoneJobIds, petitionView, plainFields, type FieldSealer } from "./petitions/petitionRecords.js";
export type * from "./petitions/petitionTypes.js";

export function createPetitionService(deps: PetitionServiceDeps): PetitionService {
  const store = createPetitionStore(deps);
  const milestones = createPetitionMilestones(deps);
  return {
    timeZone: deps.timeZone,
    ...createPetitionManagement(deps, store),
    ...createPetitionSigning(deps, store, milestones),
    ...createPetitionStatistics(deps, store),
    notifyPendingMilestones: milestones.notifyPendingMilestones,
  };
}
