import { buildActor, type Actor, type ActorLookup } from "../../src/domain/roles.js";

/**
 * For service tests without users in the database: the roles these actors hold "now". Services
 * re-read the acting user's roles through this; anyone else is a family member.
 */
export function storedActors(...actors: Actor[]): ActorLookup {
  return async (userId) => actors.find((a) => a.userId === userId) ?? buildActor({ userId, grants: [], isAdmin: false });
}
