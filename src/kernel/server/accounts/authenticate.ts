/**
 * Authentication of every API request. (Sessions arrive with the accounts service; until then
 * every caller is the public.)
 */
import type { FastifyInstance } from 'fastify';
import type { Kernel } from '../module.ts';

export function authenticateRequests(app: FastifyInstance, _kernel: Kernel): void {
  app.decorateRequest('user', null);
}
