/** Types for share-client.mjs, which stays plain JavaScript so it runs inside a network namespace without a loader. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Set when no answer came (the connection was refused or reset). */
  error?: string;
}
export function raw(base: string, path: string, options?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<RawAnswer>;
export function probeShare(base: string, refusedMethods: string[], mainPort?: number): Promise<Record<string, unknown>>;
