import { parentPort, workerData } from 'node:worker_threads';
import { checkSnapshot, type ReceivedBody } from './snapshot-check';

/**
 * A worker thread of snapshot-reader.ts: checks each snapshot body it is sent (checkSnapshot) and
 * answers with the outcome under the job's id. `workerData.limit` is the body limit once inflated.
 */
const { limit } = workerData as { limit: number };

parentPort?.on('message', (job: { id: number; received: ReceivedBody }) => {
  try {
    parentPort?.postMessage({ id: job.id, outcome: checkSnapshot(job.received, limit) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, failure: error instanceof Error ? error.message : String(error) });
  }
});
