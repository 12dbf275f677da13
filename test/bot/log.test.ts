import { strict as assert } from 'node:assert';
import { Writable } from 'node:stream';
import { createLogger } from '../../bot/log';
import { noteTurn, outsideTurnScope, runInTurnScope } from '../../bot/turn-scope';

/** A logger writing JSON lines into memory, and those lines as written. */
function capture(): { logger: ReturnType<typeof createLogger>; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return {
    logger: createLogger({ level: 'info', pretty: false, base: { service: 'helpdesk-bot' }, destination }),
    lines,
  };
}

describe('structured logs', () => {
  it('tie every line written during a turn to its correlation id, whichever component writes it', async () => {
    const { logger, lines } = capture();
    const graph = logger.child({ component: 'graph' });
    logger.info('before');
    await runInTurnScope('activity-1', async () => {
      graph.warn({ waitSeconds: 1 }, 'graph batch: retrying throttled requests');
      await new Promise((resolve) => setImmediate(resolve));
      logger.child({ component: 'cases' }).info('case committed');
    });
    logger.info('after');

    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(
      parsed.map((p) => [p.msg, p.correlationId]),
      [
        ['before', undefined],
        ['graph batch: retrying throttled requests', 'activity-1'],
        ['case committed', 'activity-1'],
        ['after', undefined],
      ],
    );
    for (const p of parsed) {
      assert.equal(p.service, 'helpdesk-bot');
      assert.equal(typeof p.time, 'string', 'ISO timestamps');
    }
  });

  it('write the correlation id once when the turn logger binds it already', () => {
    const { logger, lines } = capture();
    runInTurnScope('activity-2', () => {
      logger.child({ correlationId: 'activity-2' }).info('message');
      logger.info({ correlationId: 'explicit' }, 'explicit wins');
    });
    assert.equal(lines[0]?.match(/"correlationId"/g)?.length, 1, lines[0]);
    assert.equal(lines[1]?.match(/"correlationId"/g)?.length, 1, lines[1]);
    assert.equal((JSON.parse(lines[1] ?? '{}') as { correlationId?: string }).correlationId, 'explicit');
  });

  it('leave work a turn only triggers out of the turn', async () => {
    const { logger, lines } = capture();
    await runInTurnScope('activity-3', async () => {
      noteTurn({ intent: 'room-licence' });
      await outsideTurnScope(
        () => new Promise<void>((resolve) => setTimeout(() => (logger.info('timer fired'), resolve()), 1)),
      );
    });
    assert.equal((JSON.parse(lines[0] ?? '{}') as { correlationId?: string }).correlationId, undefined);
  });
});
