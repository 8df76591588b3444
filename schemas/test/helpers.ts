// Test helpers: named edits of a document by JSON pointer.
export const DELETE = Symbol('delete');

/** Copy of `doc` with the value at `pointer` replaced (or deleted with DELETE). */
export function withValue(doc: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string, unknown>;
  const steps = pointer.split('/').slice(1);
  let node: Record<string, unknown> = copy;
  for (const step of steps.slice(0, -1)) node = node[step] as Record<string, unknown>;
  const last = steps[steps.length - 1]!;
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}
