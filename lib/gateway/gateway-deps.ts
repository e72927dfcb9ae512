import type { Registry } from 'prom-client';
import type { Logger } from '../log/logger';
import type { SessionResolver } from '../session/session-lookup';
import type { Stores } from '../store/stores';
import type { Clock } from '../time/clock';
import type { CallLimiter } from './call-limiter';
import type { OriginGuard } from './origin-guard';
import type { SocketRegistry } from './socket-registry';

export interface MusicGatewayDeps {
  /** Replay (event streams), sync (playback states), activity and nudges (the worker's side of them). */
  stores: Pick<Stores, 'eventStreams' | 'playbackStates' | 'activeUsers' | 'bus'>;
  sessions: SessionResolver;
  sockets: SocketRegistry;
  calls: CallLimiter;
  clock: Clock;
  logger: Logger;
  /** Where the gateway's metrics are registered (one gateway per registry). */
  registry: Registry;
  /** The origin check of the server options, to log and count the origins it refuses. */
  origins?: OriginGuard;
  /** Whether Redis answers; left out with the in-memory stores. */
  ping?: () => Promise<boolean>;
}
