// The typed map of what happened in the newsroom. A domain write records its events in the same
// transaction as the change (storage/outbox.ts), so a committed change always has its events and a
// rolled-back one never does. After commit the writing process also emits them on this in-process
// bus, so its own reactions (the cache purge) are immediate; the durable reactions run from the
// outbox in src/jobs/.

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
  /** Related lists recomputed: the pages that show those lists are stale. */
  'related.changed': { articleIds: number[] };
  /** Every related list recomputed (`dateline related rebuild`). */
  'related.rebuilt': Record<string, never>;
  /** A curated block of an edition's front or sidebar was added, changed or removed. */
  'curation.changed': { edition: string };
  /** An edition was created or changed: its name appears in every page's language links. */
  'edition.changed': { code: string };
  'section.changed': { id: number; edition: string };
  'tag.changed': { id: number; edition: string };
  'entity.changed': { id: number };
  'media.changed': { id: number };
  /** The agency's identity (name, logo, favicon, footer) changed, site-wide ('*') or for one edition. */
  'site.changed': { scope: string };
  /** A reader posted a comment; `status` says whether readers see it now (approved) or not. */
  'comment.posted': { id: number; articleId: number; edition: string; status: string; parentId: number | null };
  /** Moderation or erasure changed comments; `visible` is true when what readers see changed. */
  'comment.moderated': { ids: number[]; articleIds: number[]; status: string; visible: boolean };
}

export type EventName = keyof EventMap;
export const EVENT_NAMES = [
  'article.created',
  'article.updated',
  'article.published',
  'article.unpublished',
  'article.removed',
  'related.changed',
  'related.rebuilt',
  'curation.changed',
  'edition.changed',
  'section.changed',
  'tag.changed',
  'entity.changed',
  'media.changed',
  'site.changed',
  'comment.posted',
  'comment.moderated',
] as const satisfies readonly EventName[];
// A name added to EventMap but not to EVENT_NAMES fails the type-check here.
type Missing = Exclude<EventName, (typeof EVENT_NAMES)[number]>;
const everyEventListed: Missing extends never ? true : Missing = true;
void everyEventListed;

export const isEventName = (name: string): name is EventName => (EVENT_NAMES as readonly string[]).includes(name);

/** An event as it was recorded: its outbox id travels with it so a server applies it once. */
export interface RecordedEvent<K extends EventName = EventName> {
  id: number;
  name: K;
  payload: EventMap[K];
}

type Listener<K extends EventName> = (payload: EventMap[K], event: RecordedEvent<K>) => void | Promise<void>;

export interface EventBus {
  on<K extends EventName>(name: K, listener: Listener<K>): () => void;
  /** Called with every event, whatever its name (the cache purge). */
  onAny(listener: (event: RecordedEvent) => void | Promise<void>): () => void;
  emit(event: RecordedEvent): void;
  /** Resolves when every asynchronous listener started so far has finished (shutdown, tests). */
  idle(): Promise<void>;
}

/**
 * In-process bus. A failing listener is reported and never breaks the write that emitted
 * the event: the write has already committed, and its durable reactions are in the outbox.
 */
export function createEventBus(onListenerError: (name: EventName, error: unknown) => void): EventBus {
  const listeners = new Map<EventName, Set<Listener<EventName>>>();
  const any = new Set<(event: RecordedEvent) => void | Promise<void>>();
  const pending = new Set<Promise<void>>();
  const track = (name: EventName, run: () => void | Promise<void>) => {
    try {
      const result = run();
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
  };
  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(listener as Listener<EventName>);
      return () => set.delete(listener as Listener<EventName>);
    },
    onAny(listener) {
      any.add(listener);
      return () => any.delete(listener);
    },
    emit(event) {
      for (const listener of any) track(event.name, () => listener(event));
      for (const listener of listeners.get(event.name) ?? []) track(event.name, () => listener(event.payload, event));
    },
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
  };
}
