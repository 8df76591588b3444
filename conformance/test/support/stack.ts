/**
 * The reference stack for self-tests: the same launcher as `npm run demo`, in process, on loopback
 * port 0, in-memory storage, with optional faults (the deliberately broken variants).
 */
export { startReferenceStack, type ReferenceStack, type StackOptions } from '../../../scripts/lib/reference-stack.js';
