import { strict as assert } from 'node:assert';
import { loadActivity, startHarness, type Harness } from '../../support/bot-harness';

describe('inbound authentication', function () {
  this.timeout(30_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({
      env: {
        MicrosoftAppId: '3a9c5e71-2b4d-4f08-a6e1-7c9d0b2f4e83',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppPassword: 'not-a-real-secret',
        MicrosoftAppTenantId: 'c0a70000-0000-4000-8000-000000000000',
      },
    });
  });
  after(async () => {
    await h.stop();
  });

  it('rejects an activity without a Bot Framework token when an app id is configured', async () => {
    const res = await h.post({ ...loadActivity('channel-message'), id: 'no-token' });
    assert.equal(res.status, 401);
    assert.equal(h.connector.calls.length, 0, 'nothing was answered');
  });

  it('rejects a forged token', async () => {
    const res = await fetch(`${h.bot.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJhdWQiOiJ4In0.',
      },
      body: JSON.stringify({ ...loadActivity('channel-message'), serviceUrl: h.connector.url }),
    });
    assert.equal(res.status, 401);
  });
});
