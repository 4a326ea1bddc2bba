// Holds N loopback connections open (2N sockets: both ends live in this process) until stdin closes.
// Usage: node holder.mjs N. Prints "ready <port>" once every connection is established.
import { once } from 'node:events';
import { createConnection, createServer } from 'node:net';

const count = Number(process.argv[2]);
const held = [];
const server = createServer((socket) => held.push(socket));
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 });
await once(server, 'listening');
const { port } = server.address();
const BATCH = 256;
for (let done = 0; done < count; done += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, count - done) }, () => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    held.push(socket);
    return once(socket, 'connect');
  });
  await Promise.all(batch);
}
process.stdout.write(`ready ${port}\n`);
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
