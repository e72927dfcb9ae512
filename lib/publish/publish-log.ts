/** Where the publisher reports events it could not send when nobody is awaiting them. A winston logger fits. */
export interface PublishLog {
  warn(message: string, meta?: Record<string, unknown>): unknown;
}
