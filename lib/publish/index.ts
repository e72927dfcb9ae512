/** Everything outbound (DESIGN section 1): the publisher, its sinks, and the room naming the gateway shares. */
export { CallbackSink } from './callback-sink';
export type { EventPublisher } from './event-publisher';
export type { EventSink } from './event-sink';
export { MemorySink, type SentEvent } from './memory-sink';
export { playbackStateOf } from './playback-state-of';
export type { PublishLog } from './publish-log';
export { Publisher, type PublisherDeps } from './publisher';
export { PublisherClosedError } from './publisher-closed-error';
export {
  DEFAULT_PUBLISHER_OPTIONS,
  resolvePublisherOptions,
  type PublisherOptions,
} from './publisher-options';
export {
  DEFAULT_REDIS_EMITTER_SINK_OPTIONS,
  RedisEmitterSink,
  type RedisEmitterSinkOptions,
} from './redis-emitter-sink';
export { MUSIC_NAMESPACE, userRoom } from './rooms';
