import type { Input, Method, Result } from './contract';
import { FieldbookError, type Envelope } from './errors';
import type { EventMap, EventName } from './types';

/**
 * What a transport provides: the desktop preload exposes exactly this object through contextBridge, and the
 * browser mode implements it over fetch and server-sent events.
 */
export interface Bridge {
  invoke(method: string, input: unknown): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** The typed client the UI uses: results unwrap, failures throw FieldbookError with the core's message. */
export interface Client {
  invoke<M extends Method>(method: M, ...input: Record<never, never> extends Input<M> ? [Input<M>?] : [Input<M>]): Promise<Result<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

export function createClient(bridge: Bridge): Client {
  return {
    async invoke(method, ...args) {
      const envelope = await bridge.invoke(method, args[0] ?? {});
      if (!envelope.ok) throw new FieldbookError(envelope.error.code, envelope.error.message);
      return envelope.value as never;
    },
    on(event, listener) {
      return bridge.on(event, listener as (payload: unknown) => void);
    },
  };
}
