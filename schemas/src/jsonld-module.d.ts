// Minimal typing for the parts of jsonld 9 we use (the package ships no usable declarations).
declare module 'jsonld' {
  export interface RemoteDocument {
    contextUrl: string | null;
    documentUrl: string;
    document: unknown;
  }
  export interface ExpandOptions {
    base?: string | null;
    documentLoader?: (url: string) => Promise<RemoteDocument>;
    safe?: boolean;
  }
  const jsonld: {
    expand(input: unknown, options?: ExpandOptions): Promise<unknown[]>;
    compact(input: unknown, context: unknown, options?: ExpandOptions): Promise<Record<string, unknown>>;
  };
  export default jsonld;
}
