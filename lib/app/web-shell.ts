import { createServer, type Server as HttpServer } from 'node:http';
import express, { type Express } from 'express';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { Config } from '../config';
import {
  createRedisAdapter,
  musicServerOptions,
  OriginGuard,
  type MusicServer,
  type RedisAdapterHandle,
} from '../gateway';
import type { Logger } from '../log/logger';
import type { MusicEvent } from '../contract/events';
import { MUSIC_NAMESPACE } from '../publish/rooms';
import { CallbackSink, type EventSink } from '../publish';

/** The servers of a web process before anything is mounted on them. */
export interface WebShell {
  app: Express;
  httpServer: HttpServer;
  io: MusicServer;
  origins: OriginGuard;
  /**
   * Emits published events to the user's room through this Socket.IO server: to local sockets, and through the
   * Redis adapter to every other gateway's.
   */
  sink: EventSink;
  /** Closes Socket.IO (and with it the HTTP server) and the adapter's connection; idempotent. */
  close(): Promise<void>;
}

/**
 * An express app on an HTTP server with Socket.IO beside it: the origin allow-list, the 64 KB receive limit, no
 * compression, and the Redis adapter when there is Redis (so a room spans every gateway). Routes and the
 * gateway are mounted on it afterwards (`createWebApplication`), once the publisher that uses `sink` exists.
 */
export function createWebShell(config: Readonly<Config>, redis: Redis | null, logger: Logger): WebShell {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  const origins = new OriginGuard(config.websocket.allowedOrigins);
  let adapter: RedisAdapterHandle | null = null;
  if (redis !== null) {
    adapter = createRedisAdapter(redis, {
      onError: (error) => logger.warn('Socket.IO adapter connection problem', { error: error.message }),
    });
  }
  const io: MusicServer = new Server(httpServer, {
    ...musicServerOptions(origins),
    ...(adapter ? { adapter: adapter.adapter } : {}),
  });
  const music = io.of(MUSIC_NAMESPACE);
  const sink = new CallbackSink((room: string, event: MusicEvent) => {
    music.to(room).emit(event.event, event.data as never);
  });
  let closing: Promise<void> | null = null;
  return {
    app,
    httpServer,
    io,
    origins,
    sink,
    close() {
      closing ??= (async () => {
        await new Promise<void>((resolve) => io.close(() => resolve()));
        await adapter?.close();
      })();
      return closing;
    },
  };
}
