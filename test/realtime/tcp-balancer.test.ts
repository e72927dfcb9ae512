import net from 'node:net';
import { TcpBalancer } from '../bench/realtime/harness/tcp-balancer';

function echoServer(tag: string): Promise<net.Server> {
  const server = net.createServer((socket) =>
    socket.on('data', (data) => socket.write(`${tag}:${data.toString()}`)),
  );
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function portOf(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}

function roundTrip(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    socket.once('data', (data) => {
      resolve(data.toString());
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('the TCP balancer of the gateway drill', () => {
  it('sends new connections to the backends in turn and skips one that is down', async () => {
    const a = await echoServer('a');
    const b = await echoServer('b');
    const balancer = await TcpBalancer.start([portOf(a), portOf(b)]);
    try {
      expect([await roundTrip(balancer.port, 'x'), await roundTrip(balancer.port, 'y')].sort()).toEqual([
        'a:x',
        'b:y',
      ]);
      const downPort = portOf(a);
      await new Promise((resolve) => a.close(resolve));
      balancer.setBackends([downPort, portOf(b)]);
      expect(await roundTrip(balancer.port, 'z')).toBe('b:z');
      expect(await roundTrip(balancer.port, 'w')).toBe('b:w');
    } finally {
      await balancer.close();
      await new Promise((resolve) => b.close(resolve));
    }
  });
});
