import net from 'node:net';

/**
 * A TCP load balancer on loopback standing in front of several gateways: each new connection goes to the next
 * backend in turn; a backend that refuses is skipped. When a gateway dies its clients' sockets drop, and their
 * reconnects land on another one, as behind a real balancer.
 */
export class TcpBalancer {
  private backends: number[];
  private next = 0;
  private readonly open = new Set<net.Socket>();

  private constructor(
    private readonly server: net.Server,
    backends: readonly number[],
  ) {
    this.backends = [...backends];
    server.on('connection', (client) => this.route(client));
  }

  static async start(backends: readonly number[]): Promise<TcpBalancer> {
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new TcpBalancer(server, backends);
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Where new connections go from now on (open ones stay where they are). */
  setBackends(ports: readonly number[]): void {
    this.backends = [...ports];
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private route(client: net.Socket, attempt = 0): void {
    this.track(client);
    if (attempt >= this.backends.length) {
      client.destroy();
      return;
    }
    const port = this.backends[this.next++ % this.backends.length] as number;
    const upstream = net.connect(port, '127.0.0.1');
    let connected = false;
    upstream.once('connect', () => {
      connected = true;
      this.track(upstream);
      client.pipe(upstream);
      upstream.pipe(client);
    });
    upstream.on('error', () => {
      if (!connected) this.route(client, attempt + 1);
      else client.destroy();
    });
    upstream.on('close', () => {
      if (connected) client.destroy();
    });
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  }

  private track(socket: net.Socket): void {
    if (this.open.has(socket)) return;
    this.open.add(socket);
    socket.once('close', () => this.open.delete(socket));
  }
}
