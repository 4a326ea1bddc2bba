import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Sockets opened on 127.0.0.1 in known states, and how to close them all. */
export interface OpenSockets {
  ports: number[];
  /** The states each kind of socket should be in once the kernel has settled. */
  expected: Record<string, number>;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return (server.address() as AddressInfo).port;
}

async function connect(port: number): Promise<Socket> {
  const socket = createConnection({ port, host: '127.0.0.1' });
  await once(socket, 'connect');
  return socket;
}

/**
 * LISTEN x2; ESTABLISHED x4 (two connections, both ends); a half-closed connection, FIN_WAIT_2 on
 * the side that called shutdown and CLOSE_WAIT on the side that did not (allowHalfOpen); and
 * TIME_WAIT x2 on clients that closed first against a server that closes back.
 */
export async function openKnownStates(): Promise<OpenSockets> {
  const held: Socket[] = [];
  const halfOpen = createServer({ allowHalfOpen: true }, (socket) => held.push(socket));
  const closing = createServer((socket) => socket.on('end', () => socket.end()));
  const ports = [await listen(halfOpen), await listen(closing)];
  const clients = [await connect(ports[0] as number), await connect(ports[0] as number)];
  const shut = await connect(ports[0] as number);
  shut.end();
  for (let i = 0; i < 2; i++) {
    const client = await connect(ports[1] as number);
    client.end();
    client.on('end', () => client.destroy());
  }
  return {
    ports,
    expected: { LISTEN: 2, ESTABLISHED: 4, FIN_WAIT_2: 1, CLOSE_WAIT: 1, TIME_WAIT: 2 },
    async close() {
      for (const socket of [...clients, shut, ...held]) socket.destroy();
      halfOpen.close();
      closing.close();
    },
  };
}
