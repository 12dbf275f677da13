import { strict as assert } from 'node:assert';
import { graphErrorFrom, requiredPermission, toGraphError } from '../../../bot/graph/graph-errors';

describe('Graph error mapping', () => {
  it('names the missing permission on a 403 and keeps the request id', () => {
    const err = graphErrorFrom({
      status: 403,
      path: '/v1.0/users/room-4b@contoso.com/licenseDetails',
      body: {
        error: {
          code: 'Authorization_RequestDenied',
          message: 'Insufficient privileges',
          innerError: { 'request-id': 'abc-123' },
        },
      },
    });
    assert.equal(err.code, 'graph.forbidden');
    assert.equal(err.requiredPermission, 'LicenseAssignment.Read.All');
    assert.equal(err.requestId, 'abc-123');
    assert.equal(err.graphCode, 'Authorization_RequestDenied');
  });

  it('reads Retry-After on throttling', () => {
    const err = graphErrorFrom({
      status: 429,
      path: '/v1.0/users',
      body: {},
      headers: { 'retry-after': '7' },
    });
    assert.equal(err.code, 'graph.throttled');
    assert.equal(err.retryAfterSeconds, 7);
  });

  it('maps permissions per call', () => {
    assert.equal(
      requiredPermission('/beta/teamwork/devices/x/restart', 'POST'),
      'TeamworkDevice.ReadWrite.All',
    );
    assert.equal(requiredPermission('/beta/teamwork/devices/x/health'), 'TeamworkDevice.Read.All');
    assert.equal(
      requiredPermission('/v1.0/users/x/assignLicense', 'POST'),
      'LicenseAssignment.ReadWrite.All',
    );
    assert.equal(requiredPermission('/v1.0/users/x', 'PATCH'), 'User.ReadWrite.All');
    assert.equal(requiredPermission('/v1.0/places/microsoft.graph.room'), 'Place.Read.All');
  });

  it('turns a network failure or a timeout into a coded error', () => {
    const refused = toGraphError(
      Object.assign(new Error('connect ECONNREFUSED'), { name: 'TypeError' }),
      '/v1.0/users',
    );
    assert.equal(refused.code, 'graph.unavailable');
    const timeout = toGraphError(
      Object.assign(new Error('aborted'), { name: 'TimeoutError' }),
      '/v1.0/users',
    );
    assert.equal(timeout.code, 'graph.timeout');
  });
});
