/**
 * The server checks every field; its schema's messages ("expected string, received undefined") are
 * right but not plain. For the public forms the web says the same thing in everyday words, field by
 * field, and keeps the server's own message for every rule it words itself (a command's message).
 */
import { ApiError, type ProblemFieldError } from '../../../kernel/web/api.ts';
import type { MessageKey, Translate } from '../../../kernel/web/i18n/index.ts';
import type { ombudsmanText } from './messages.ts';

type Key = MessageKey<typeof ombudsmanText>;

/** Zod's issue codes, as the kernel passes them on. */
function plainKey(error: ProblemFieldError): Key | undefined {
  const field = error.field.split('.').slice(1).join('.');
  if (field === 'consent') return 'errorConsent';
  if (field.endsWith('email') && error.code === 'invalid_format') return 'errorEmail';
  if (field.endsWith('phone') && error.code === 'invalid_format') return 'errorPhone';
  if (field === 'occurredOn' && error.code === 'invalid_format') return 'errorDate';
  if (error.code === 'too_big') return 'errorTooLong';
  if (error.code === 'too_small' || error.code === 'invalid_type') return 'errorRequired';
  return undefined;
}

export function plainProblem(problem: ApiError, t: Translate<Key>): ApiError {
  if (problem.errors.length === 0) return problem;
  const errors = problem.errors.map((error) => {
    const key = plainKey(error);
    return key ? { ...error, message: t(key) } : error;
  });
  return new ApiError(problem.status, problem.code, problem.title, errors);
}
