// Writes snapshots into a spool as fast as it can until killed: the crash test kills it mid-write.
// Run with `node --import tsx` so that the process killed is the one writing.
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { silentLogger } from '../../src/log/logger';
import { Spool } from '../../src/deliver/spool';
import { uuidv7 } from '../../src/snapshot/uuidv7';

const spool = new Spool(process.argv[2] as string, 100_000, silentLogger);
// Random text does not compress, so each file takes long enough to write that a kill lands inside.
const padding = Array.from({ length: 120 }, () => randomBytes(48_000).toString('base64'));
// Bounded, in case nobody kills it.
for (let i = 0; i < 200; i++) {
  const id = uuidv7();
  const snapshot = { version: 1, id, collector: { spoolDropped: 0, warnings: padding } };
  spool.put(id, gzipSync(JSON.stringify(snapshot), { level: 0 }));
  process.stdout.write(`${id}\n`);
}
