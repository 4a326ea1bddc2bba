import type { SnapshotV1 } from '@tcpfleet/model';

// Stands in for the socket list while the rest is stringified: no JSON value can contain it.
const SOCKETS = '\u0000sockets\u0000';
const CHUNK = 64 * 1024;

/**
 * Writes `JSON.stringify(snapshot, null, 2)` and a newline, the same text, a chunk at a time: the
 * socket list (up to 5000 sockets, over a megabyte of text) never becomes one string, nor one string
 * plus its copy on the way out.
 */
export function writeSnapshotJson(snapshot: SnapshotV1, write: (chunk: string) => unknown): void {
  const marker = JSON.stringify(SOCKETS);
  const [head, tail] = JSON.stringify({ ...snapshot, sockets: SOCKETS }, null, 2).split(marker);
  if (snapshot.sockets.length === 0) {
    write(`${head}[]${tail}\n`);
    return;
  }
  let chunk = `${head}[\n`;
  snapshot.sockets.forEach((socket, i) => {
    // Each socket sits two levels deep: four more spaces on every line of its own stringification.
    chunk += `    ${JSON.stringify(socket, null, 2).replaceAll('\n', '\n    ')}`;
    chunk += i < snapshot.sockets.length - 1 ? ',\n' : '\n';
    if (chunk.length >= CHUNK) {
      write(chunk);
      chunk = '';
    }
  });
  write(`${chunk}  ]${tail}\n`);
}
