import type { Clock } from '../clock.js';
import type { Db } from '../db/tables.js';
import type { EventBus } from '../events/bus.js';

export class ConnectionService {
  constructor(
    readonly db: Db,
    readonly clock: Clock,
    readonly bus?: EventBus,
  ) {}
}
