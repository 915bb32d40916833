import { randomInt } from "node:crypto";

/** Time and randomness are injected so tests can be exact. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type RandomSource = () => number;

/** A uniform integer in [0, maxExclusive), for values a stranger must not be able to predict. */
export type RandomInt = (maxExclusive: number) => number;

/** node:crypto's CSPRNG: the production source of case references (never Math.random). */
export const cryptoRandomInt: RandomInt = (maxExclusive) => randomInt(maxExclusive);
