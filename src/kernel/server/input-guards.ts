/**
 * PostgreSQL cannot store U+0000 in text or jsonb: a NUL in any input would fail the statement and
 * surface as a 500. Refuse it up front, for every route, with a field-level 400 problem.
 */
import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from './errors.ts';

function findNul(value: unknown, path: string, found: string[]): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path);
  } else if (value && typeof value === 'object') {
    // Arrays too: their entries are keyed by index.
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push(path);
      findNul(item, `${path}.${key}`, found);
    }
  }
}

export function refuseNulCharacters(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found: string[] = [];
    findNul(request.body, 'body', found);
    findNul(request.query, 'query', found);
    findNul(request.params, 'params', found);
    if (found.length === 0) return;
    const errors: FieldError[] = found.map((field) => ({
      field,
      code: 'nul_character',
      message: {
        ko: '허용되지 않는 제어 문자(NUL)가 들어 있습니다.',
        en: 'Contains a NUL control character.',
      },
    }));
    throw new AppError('validation_failed', 400, { errors });
  });
}
