/** Time and randomness are injected so tests can be exact. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export type RandomSource = () => number;
