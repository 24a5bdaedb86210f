import type { EventMap, EventName } from '../api/types';

export type Emit = <E extends EventName>(event: E, payload: EventMap[E]) => void;
export type On = <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) => () => void;

/** The core's events (content changed, settings changed, locked…), which both transports pass on to the page. */
export function createEvents(): { emit: Emit; on: On } {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  return {
    emit<E extends EventName>(event: E, payload: EventMap[E]) {
      for (const listener of listeners.get(event) ?? []) (listener as (payload: EventMap[E]) => void)(payload);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };
}
