import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeNext } from './safe-next.ts';

describe('the path after signing in', () => {
  it('keeps a path on this site, query included', () => {
    assert.equal(safeNext('/staff/users?role=admin', '/staff'), '/staff/users?role=admin');
  });

  for (const next of [
    null,
    '',
    'https://evil.example/',
    '//evil.example/staff',
    '/\\evil.example',
    'javascript:alert(1)',
  ]) {
    it(`refuses ${JSON.stringify(next)}`, () => {
      assert.equal(safeNext(next, '/staff'), '/staff');
    });
  }
});
