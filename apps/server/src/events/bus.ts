/**
 * Invalidation bus: tells every server that cached facts about keys, memberships or sessions are stale.
 * In-process by default; the Redis implementation (scale-out) has the same interface.
 */

export type Invalidation =
  | { type: 'key-deleted'; keyId: string }
  | { type: 'member-changed'; workspaceId: string; userId: string }
  | { type: 'workspace-deleted'; workspaceId: string }
  | { type: 'session-ended'; sessionId: string }
  /**
   * Delivered locally only, by a shared bus that was cut off and is back: invalidations of the other
   * servers may have been missed meanwhile, so every cached fact must be read again.
   */
  | { type: 'everything' };

export type InvalidationHandler = (event: Invalidation) => void;

export interface EventBus {
  /** Delivers to every subscriber, on this server at once (before publish resolves) and on the others soon after. */
  publish(event: Invalidation): Promise<void>;
  subscribe(handler: InvalidationHandler): void;
  /**
   * False while a shared bus cannot hear the other servers: caches then keep facts only briefly
   * (DEGRADED_CACHE_TTL_MS), since an invalidation from elsewhere would not reach them.
   */
  readonly connected: boolean;
  close(): Promise<void>;
}

/** How long a cached key, role or session is trusted while the bus is disconnected: 1 second. */
export const DEGRADED_CACHE_TTL_MS = 1000;

/** The single-process bus: delivery is synchronous, so the publisher's own cache is updated before it answers. */
export class InProcessBus implements EventBus {
  private readonly handlers: InvalidationHandler[] = [];
  readonly connected: boolean;

  /**
   * `othersShareTheDatabase`: other servers write to the same database (PostgreSQL without Redis), so
   * their invalidations never reach this bus; it then reports itself disconnected and caches stay short.
   */
  constructor({ othersShareTheDatabase = false }: { othersShareTheDatabase?: boolean } = {}) {
    this.connected = !othersShareTheDatabase;
  }

  async publish(event: Invalidation): Promise<void> {
    for (const handler of this.handlers) handler(event);
  }

  subscribe(handler: InvalidationHandler): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.handlers.length = 0;
  }
}
