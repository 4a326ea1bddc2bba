import { ApiProcess } from '../support/api-process';
import { request, waitFor } from '../support/http';
import { PrivatePostgres } from '../support/private-postgres';
import { Pusher } from '../support/pusher';
import { describeWithPostgres } from '../support/requirements';

jest.setTimeout(180_000);

const DB = 'shutdown';

/**
 * The database goes away while ingestion transactions hold connections: a fast shutdown (each session
 * gets FATAL 57P01) and a crash (sessions cut). The API must stay up and answer 503 meanwhile.
 */
describeWithPostgres('the API process outlives its database', () => {
  let pg: PrivatePostgres;
  let api: ApiProcess;
  let pusher: Pusher;

  beforeAll(async () => {
    pg = await PrivatePostgres.create();
    await pg.query(`create database ${DB}`);
    api = await ApiProcess.start(pg.url(DB));
    pusher = new Pusher(api.url, 16, 11);
    await pusher.enrol();
    pusher.start(0);
  });
  afterAll(async () => {
    if (pg && !pg.running) await pg.start();
    await pusher?.abandon();
    await api?.destroy();
    await pg?.destroy();
  });

  it.each([['fast'], ['immediate'], ['fast'], ['immediate']] as const)(
    'keeps answering through a %s stop of PostgreSQL under load',
    async (mode) => {
      // Each stop on its own: an API that died in an earlier one is started again first.
      if (api.exited) await api.start();
      const before = pusher.accepted;
      expect(await waitFor(() => pusher.accepted >= before + 50, 30_000)).toBe(true);
      await pg.stop(mode);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const ready = await request(`${api.url}/readyz`, 'GET').catch((error: Error) => ({
        status: `no answer: ${error.message}`,
      }));
      const crash = api.exited ? api.log.slice(-600) : '';
      expect({ exited: api.exited, readyz: ready.status, crash }).toEqual({
        exited: null,
        readyz: 503,
        crash: '',
      });
      await pg.start();
      const back = await waitFor(
        async () => (await request(`${api.url}/readyz`, 'GET')).status === 200,
        20_000,
      );
      expect(back).toBe(true);
    },
  );
});
