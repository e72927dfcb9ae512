import { Child } from '../harness/child';
import { childEnv } from '../harness/child-env';
import { distFile } from '../harness/paths';
import type { Answer, Arrival, OpenAnswer, OpenRequest, Request, SocketState } from './protocol';

type Body<T extends Request['type']> = Omit<Extract<Request, { type: T }>, 'id' | 'type'>;

/**
 * The benchmark's handle on one load-generator child (`node load-generator/main.js`, file limit raised):
 * open sockets, collect what they received, read their state and the child's CPU time.
 */
export class LoadGenerator {
  private sequence = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (answer: Answer) => void; reject: (e: Error) => void }
  >();

  private constructor(readonly child: Child) {
    child.process.on('message', (answer: Answer) => {
      const waiter = this.waiting.get(answer.id);
      if (!waiter) return;
      this.waiting.delete(answer.id);
      if (answer.type === 'error') waiter.reject(new Error(`${child.spec.name}: ${answer.message}`));
      else waiter.resolve(answer);
    });
    void child.exited.then(({ code, signal }) => {
      for (const waiter of this.waiting.values()) {
        waiter.reject(new Error(`${child.spec.name} exited (${signal ?? code}):\n${child.tail()}`));
      }
      this.waiting.clear();
    });
  }

  static start(name: string, logDir: string): LoadGenerator {
    return new LoadGenerator(
      new Child({
        name,
        script: distFile('test/bench/realtime/load-generator/main.js'),
        env: childEnv({}),
        logDir,
        ipc: true,
      }),
    );
  }

  open(request: Body<'open'>): Promise<OpenAnswer> {
    return this.ask<OpenAnswer>({ type: 'open', ...(request as Omit<OpenRequest, 'id' | 'type'>) });
  }

  async arrivals(): Promise<Arrival[]> {
    const answer = await this.ask<Extract<Answer, { type: 'arrivals' }>>({ type: 'arrivals' });
    return answer.arrivals;
  }

  async state(): Promise<SocketState[]> {
    const answer = await this.ask<Extract<Answer, { type: 'state' }>>({ type: 'state' });
    return answer.sockets;
  }

  /** Events delivered to all its sockets together. */
  async delivered(): Promise<number> {
    const answer = await this.ask<Extract<Answer, { type: 'delivered' }>>({ type: 'delivered' });
    return answer.count;
  }

  usage(): Promise<Extract<Answer, { type: 'usage' }>> {
    return this.ask({ type: 'usage' });
  }

  /** Disconnects every socket, then ends the child. */
  async close(): Promise<void> {
    if (this.child.alive) await this.ask({ type: 'close' }).catch(() => undefined);
    await this.child.stop(5000);
  }

  private ask<T extends Answer>(request: Omit<Request, 'id'>): Promise<T> {
    const id = ++this.sequence;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (answer: Answer) => void, reject });
      try {
        this.child.send({ ...request, id } as Request);
      } catch (error) {
        this.waiting.delete(id);
        reject(error as Error);
      }
    });
  }
}
