// The typed map of what happened in the newsroom. Emitted only after a transaction commits,
// so a listener never sees a change that was rolled back. Listeners are wired in main.ts.

/**
 * What an article change touched. For an update the lists hold the values before and after, so a
 * listener can refresh both the section an article left and the one it joined.
 */
export interface ArticleChange {
  id: number;
  edition: string;
  status: string;
  storyIds: number[];
  sectionIds: number[];
  tagIds: number[];
  entityIds: number[];
}

export interface EventMap {
  'article.created': ArticleChange;
  'article.updated': ArticleChange;
  'article.published': ArticleChange;
  'article.unpublished': ArticleChange;
  'article.removed': ArticleChange;
}

export type EventName = keyof EventMap;
type Listener<K extends EventName> = (payload: EventMap[K]) => void | Promise<void>;

export interface EventBus {
  on<K extends EventName>(name: K, listener: Listener<K>): () => void;
  emit<K extends EventName>(name: K, payload: EventMap[K]): void;
  /** Resolves when every asynchronous listener started so far has finished (shutdown, tests). */
  idle(): Promise<void>;
}

/**
 * In-process bus. A failing listener is reported and never breaks the write that emitted
 * the event: the write has already committed.
 */
export function createEventBus(onListenerError: (name: EventName, error: unknown) => void): EventBus {
  const listeners = new Map<EventName, Set<Listener<EventName>>>();
  const pending = new Set<Promise<void>>();
  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as Listener<EventName>);
      return () => set.delete(listener as Listener<EventName>);
    },
    emit(name, payload) {
      for (const listener of listeners.get(name) ?? []) {
        try {
          const result = listener(payload);
          if (result && typeof result.then === 'function') {
            const settled = result.then(
              () => undefined,
              (e: unknown) => onListenerError(name, e),
            );
            pending.add(settled);
            void settled.finally(() => pending.delete(settled));
          }
        } catch (error) {
          onListenerError(name, error);
        }
      }
    },
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
