import { readFileSync } from 'node:fs';
import net from 'node:net';
import { parseProcNetTcp, type Socket } from '../../src';

export const HOST = '127.0.0.1';

/** Every TCP socket of this network namespace, read from /proc/net/tcp and tcp6 as the agent does. */
export function readProcTables(): Socket[] {
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap(
    (path) => parseProcNetTcp(readFileSync(path, 'utf8')).sockets,
  );
}

/** The sockets on either end of HOST:port: the test's own, whatever else the machine runs. */
export function onPort(sockets: readonly Socket[], port: number): Socket[] {
  return sockets.filter(
    (s) =>
      (s.localAddress === HOST && s.localPort === port) ||
      (s.remoteAddress === HOST && s.remotePort === port),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everything a test opens, closed at the end whatever happened. */
export class Opened {
  private readonly servers: net.Server[] = [];
  private readonly sockets: net.Socket[] = [];

  async listen(options: net.ServerOpts, onConnection?: (socket: net.Socket) => void): Promise<number> {
    const server = net.createServer(options, (socket) => {
      this.sockets.push(socket);
      onConnection?.(socket);
    });
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen({ port: 0, host: HOST }, resolve));
    return (server.address() as net.AddressInfo).port;
  }

  /** Connects; resolves once the handshake completed. */
  connect(port: number): Promise<net.Socket> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: HOST, port }, () => resolve(socket));
      socket.once('error', reject);
      this.sockets.push(socket);
    });
  }

  /** Starts a connect and does not wait for it. */
  attempt(port: number): void {
    const socket = net.connect({ host: HOST, port });
    socket.on('error', () => undefined);
    this.sockets.push(socket);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(this.servers.map((server) => new Promise((resolve) => server.close(resolve))));
  }
}
