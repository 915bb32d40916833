// A petition reaches a milestone: recorded once, and its news enqueued to signers who asked for news.

import type { PetitionRecord } from "../../db/models/petition.js";
import { isDuplicateKeyError } from "../../db/duplicateKeys.js";
import { newlyReachedMilestones } from "../../domain/petitions/milestones.js";
import { milestoneJobId, petitionNewsRecipients } from "./petitionRecords.js";
import type { PetitionService, PetitionServiceDeps } from "./petitionTypes.js";

export type PetitionMilestones = ReturnType<typeof createPetitionMilestones>;

export function createPetitionMilestones(deps: PetitionServiceDeps) {
  const { models, clock } = deps;

  async function enqueueMilestoneNews(petition: PetitionRecord, milestone: number): Promise<boolean> {
    const { delivery } = deps;
    if (!delivery) {
      deps.log?.warn({ petition: petition.ref, milestone }, "milestone reached; no outbox, news left pending");
      return false;
    }
    const petitionId = petition._id.toHexString();
    // The job refers to the milestone; the worker renders the news in each signer's language when it sends.
    await delivery.enqueue(
      {
        jobId: milestoneJobId(petitionId, milestone),
        kind: "petition-milestone",
        subject: { kind: "petition-milestone", petitionId, milestone },
        defaultLocale: deps.defaultLocale,
      },
      petitionNewsRecipients(models, petition._id),
    );
    await models.petitionMilestones.updateOne({ petitionId: petition._id, milestone }, { $set: { notifiedAt: clock.now() } }).exec();
    return true;
  }

  /** Milestones known to be recorded (they never go away), so most signatures cost no milestone query. */
  const recordedMilestones = new Set<string>();

  /**
   * Records every milestone the count has reached. Of many signers crossing one at the same
   * moment, only the insert that wins the unique index enqueues the news.
   */
  async function recordMilestones(petition: PetitionRecord, count: number): Promise<void> {
    const id = petition._id.toHexString();
    const known = petition.milestones.filter((m) => recordedMilestones.has(`${id}:${m}`));
    for (const milestone of newlyReachedMilestones(petition.milestones, count, known)) {
      try {
        await models.petitionMilestones.create({ petitionId: petition._id, milestone, count, reachedAt: clock.now(), notifiedAt: null });
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        recordedMilestones.add(`${id}:${milestone}`);
        continue;
      }
      recordedMilestones.add(`${id}:${milestone}`);
      deps.log?.info({ petition: petition.ref, milestone }, "petition milestone reached");
      try {
        await enqueueMilestoneNews(petition, milestone);
      } catch (error) {
        // The signature stands; the scheduled repair enqueues the news later (the job id is idempotent).
        deps.log?.error({ petition: petition.ref, milestone, err: (error as Error).message }, "milestone news not enqueued");
      }
    }
  }

  const repair: Pick<PetitionService, "notifyPendingMilestones"> = {
    async notifyPendingMilestones(olderThanMs = 60_000) {
      const pending = await models.petitionMilestones
        .find({ notifiedAt: null, reachedAt: { $lt: new Date(clock.now().getTime() - olderThanMs) } })
        .limit(100)
        .lean()
        .exec();
      let enqueued = 0;
      for (const milestone of pending) {
        const petition = await models.petitions.findById(milestone.petitionId).lean<PetitionRecord>().exec();
        if (petition && (await enqueueMilestoneNews(petition, milestone.milestone))) enqueued += 1;
      }
      return enqueued;
    },
  };
  return { recordMilestones, ...repair };
}
