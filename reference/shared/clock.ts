/** Injectable time source so expiry can be tested with a fake clock. Milliseconds since the epoch. */
export type Clock = () => number;
export const systemClock: Clock = () => Date.now();
