/**
 * Switchable faults: named deliberate misbehaviours of a reference app, used by the
 * conformance self-tests to prove each check can fail. Off unless named in the app's
 * `faults` option or in the REFERENCE_FAULTS environment variable (comma separated).
 */
export class FaultSet {
  private readonly active: ReadonlySet<string>;
  constructor(names: Iterable<string> = [], private readonly known?: readonly string[]) {
    const list = [...names].map((n) => n.trim()).filter(Boolean);
    if (known) {
      const unknown = list.filter((n) => !known.includes(n));
      if (unknown.length) throw new Error(`unknown fault(s): ${unknown.join(', ')}`);
    }
    this.active = new Set(list);
  }
  has(name: string): boolean {
    return this.active.has(name);
  }
  get size(): number {
    return this.active.size;
  }
  list(): string[] {
    return [...this.active];
  }
}

export function faultsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.REFERENCE_FAULTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
