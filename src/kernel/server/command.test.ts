import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FastifyRequest } from 'fastify';
import type { SessionUser } from './access.ts';
import { callerOf } from './command.ts';

const user: SessionUser = {
  id: 'user-1',
  email: 'officer@example.org',
  displayName: 'Officer',
  role: 'officer',
  departmentCode: null,
  sessionId: 'session-1',
};
const request = (signedIn: SessionUser | null) => ({ user: signedIn, ip: '203.0.113.7' }) as FastifyRequest;

test('a signed-in caller acts as themselves, from their address', () => {
  assert.deepEqual(callerOf(request(user)), {
    user,
    ip: '203.0.113.7',
    actor: { userId: user.id, ip: '203.0.113.7' },
  });
  assert.deepEqual(callerOf(request(user), { public: true }).actor, { userId: user.id, ip: '203.0.113.7' });
});

test('nobody signed in is a 401 unless the route is public, where they act as the public', () => {
  assert.throws(() => callerOf(request(null)), { status: 401 });
  const anonymous = callerOf(request(null), { public: true });
  assert.equal(anonymous.user, null);
  assert.equal(anonymous.actor.userId, null);
});
