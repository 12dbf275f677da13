import { strict as assert } from 'node:assert';
import { classifyDeliveryError } from '../../../bot/teams/teams-messenger';

describe('classifyDeliveryError', () => {
  const withStatus = (statusCode: number, retryAfter?: string) =>
    Object.assign(new Error(`status ${statusCode}`), {
      statusCode,
      response: {
        headers: { get: (name: string) => (name === 'retry-after' ? (retryAfter ?? null) : null) },
      },
    });

  it('treats 403 and 404 as the bot being gone from the conversation', () => {
    assert.equal(classifyDeliveryError(withStatus(403)).kind, 'gone');
    assert.equal(classifyDeliveryError(withStatus(404)).kind, 'gone');
  });

  it('waits Retry-After on 429', () => {
    const e = classifyDeliveryError(withStatus(429, '3'));
    assert.equal(e.kind, 'throttled');
    assert.equal(e.retryAfterMs, 3000);
  });

  it('retries 412, 502, 503, 504 and network failures', () => {
    for (const s of [412, 502, 503, 504])
      assert.equal(classifyDeliveryError(withStatus(s)).kind, 'transient');
    assert.equal(
      classifyDeliveryError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).kind,
      'transient',
    );
  });
});
