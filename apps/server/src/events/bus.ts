/**
 * Invalidation bus: tells every server that cached facts about keys, memberships or sessions are stale.
 * In-process by default; the Redis implementation (scale-out) has the same interface.
 */

export type Invalidation =
  | { type: 'key-deleted'; keyId: string }
  | { type: 'member-changed'; workspaceId: string; userId: string }
  | { type: 'workspace-deleted'; workspaceId: string }
  | { type: 'session-ended'; sessionId: string };

export type InvalidationHandler = (event: Invalidation) => void;

export interface EventBus {
  /** Delivers to every subscriber, on this server at once (before publish resolves) and on the others soon after. */
  publish(event: Invalidation): Promise<void>;
  subscribe(handler: InvalidationHandler): void;
  close(): Promise<void>;
}

/** The single-process bus: delivery is synchronous, so the publisher's own cache is updated before it answers. */
export class InProcessBus implements EventBus {
  private readonly handlers: InvalidationHandler[] = [];

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
