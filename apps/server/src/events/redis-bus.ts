/**
 * The invalidation bus across servers: Redis pub/sub on one channel. The publishing server applies an
 * event to itself before anything goes over the network (so its own next request already sees it); the
 * others apply it when the message arrives, a millisecond or so later on a local network.
 *
 * While the subscription is down the bus says so (`connected` is false), caches keep facts only briefly,
 * and once it is back every cache is emptied, since messages sent meanwhile are lost (pub/sub keeps none).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';
import type { EventBus, Invalidation, InvalidationHandler } from './bus.js';

/** How often the subscription is checked with a PING: 1 second. */
const HEARTBEAT_INTERVAL_MS = 1000;

/** Default channel; tests give each app its own. */
export const INVALIDATION_CHANNEL = 'socifyr:invalidations';

/**
 * Invalidations kept for sending later, at most. Past that a long outage has made them moot: every server
 * whose subscription broke too empties its caches when it is back.
 */
const UNSENT_MAX = 10_000;

interface Envelope {
  /** The publishing server, which has applied the event already and skips its own message. */
  from: string;
  event: Invalidation;
}

export interface RedisBusOptions {
  /** For publishing; the bus makes its own subscriber connection from it. */
  redis: Redis;
  logger: Pick<FastifyBaseLogger, 'info' | 'warn'>;
  channel?: string;
}

export class RedisBus implements EventBus {
  private readonly handlers: InvalidationHandler[] = [];
  private readonly serverId = randomBytes(8).toString('hex');
  private readonly subscriber: Redis;
  private readonly channel: string;
  private readonly logger: RedisBusOptions['logger'];
  private readonly publisher: Redis;
  private subscribed = false;
  /** Set once the subscription first succeeded; a later loss must be reported and recovered from. */
  private everSubscribed = false;
  private closing = false;
  /** Invalidations that could not be published; sent as soon as the connection is back. */
  private unsent: string[] = [];
  private markSubscribed: () => void = () => {};
  /** Resolves once the bus first hears the channel. */
  readonly subscribedOnce = new Promise<void>((resolve) => {
    this.markSubscribed = resolve;
  });

  constructor({ redis, logger, channel = INVALIDATION_CHANNEL }: RedisBusOptions) {
    this.publisher = redis;
    this.logger = logger;
    this.channel = channel;
    this.subscriber = redis.duplicate();
    this.subscriber.on('message', (_channel: string, message: string) => this.receive(message));
    this.subscriber.on('ready', () => void this.resubscribe());
    this.subscriber.on('close', () => this.lost());
    this.subscriber.on('error', () => {
      // Reported once through `close`; ioredis reconnects by itself.
    });
    this.publisher.on('ready', this.onPublisherReady);
    this.heartbeat = setInterval(() => void this.checkSubscription(), HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  private readonly onPublisherReady = () => void this.sendUnsent();
  private readonly heartbeat: NodeJS.Timeout;

  /**
   * A connection that stalls (a network partition) may never close; a PING that gets no answer within the
   * command timeout shows it, and the bus counts as lost until one is answered again.
   */
  private async checkSubscription(): Promise<void> {
    if (this.closing || this.subscriber.status !== 'ready') return;
    try {
      await this.subscriber.ping();
    } catch {
      this.lost();
      return;
    }
    if (!this.subscribed) await this.resubscribe();
  }

  get connected(): boolean {
    return this.subscribed;
  }

  async publish(event: Invalidation): Promise<void> {
    this.deliver(event);
    const message = JSON.stringify({ from: this.serverId, event } satisfies Envelope);
    try {
      await this.publisher.publish(this.channel, message);
    } catch (error) {
      // This server is already up to date. Servers cut off from Redis too keep short caches; one that is
      // not (only this connection broke) hears of it as soon as this connection is back.
      if (this.unsent.length < UNSENT_MAX) this.unsent.push(message);
      else this.logger.warn('too many unsent invalidations: dropping this one');
      this.logger.warn(
        { event: event.type, reason: (error as Error).message },
        'could not publish an invalidation to Redis: it is sent again once Redis answers',
      );
    }
  }

  private async sendUnsent(): Promise<void> {
    const messages = this.unsent;
    this.unsent = [];
    for (const [i, message] of messages.entries()) {
      try {
        await this.publisher.publish(this.channel, message);
      } catch {
        this.unsent.unshift(...messages.slice(i));
        return;
      }
    }
  }

  subscribe(handler: InvalidationHandler): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.closing = true;
    clearInterval(this.heartbeat);
    this.publisher.off('ready', this.onPublisherReady);
    if (this.unsent.length > 0) {
      this.logger.warn(
        { count: this.unsent.length },
        'closing with invalidations Redis never received: other servers see them only when their cached copies expire',
      );
    }
    this.handlers.length = 0;
    this.subscriber.disconnect();
  }

  private async resubscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch {
      return; // the connection went again; `ready` fires on the next one
    }
    if (this.subscribed) return;
    const recovered = this.everSubscribed;
    this.subscribed = true;
    this.everSubscribed = true;
    // Whatever was cached before now (briefly, while not subscribed) may have missed an invalidation that
    // no message will repeat: also at the first subscription, since a server may verify keys before it.
    this.deliver({ type: 'everything' });
    this.markSubscribed();
    if (recovered) {
      this.logger.info('Redis invalidation bus reconnected: cached keys, roles and sessions are read again');
    }
  }

  private lost(): void {
    if (!this.subscribed || this.closing) return;
    this.subscribed = false;
    this.logger.warn(
      'Redis invalidation bus disconnected: keys, roles and sessions are cached for at most 1 s until it is back',
    );
  }

  private receive(message: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(message) as Envelope;
    } catch {
      return;
    }
    if (envelope.from === this.serverId || typeof envelope.event?.type !== 'string') return;
    // A message about "everything" is never sent; only this server may decide it missed something.
    if (envelope.event.type === 'everything') return;
    this.deliver(envelope.event);
  }

  private deliver(event: Invalidation): void {
    for (const handler of this.handlers) handler(event);
  }
}
