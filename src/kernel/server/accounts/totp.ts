/**
 * Time-based one-time passwords (RFC 6238, 30-second steps, 6 digits) for the second factor. One step
 * of clock drift either way is accepted, and a code is accepted once: the step it belongs to is kept,
 * and a code of that step or an earlier one is refused afterwards.
 */
import { authenticator } from 'otplib';

// A copy of otplib's shared instance, so our settings never leak into another user of the library.
const totp = authenticator.clone({ window: 1 });
const stepSeconds = 30;
export const totpIssuer = 'rightscity';

export function generateTotpSecret(): string {
  return totp.generateSecret();
}

export function totpUri(email: string, secret: string): string {
  return totp.keyuri(email, totpIssuer, secret);
}

/** The time step of a valid code that is newer than `lastStep`, or null. */
export function acceptTotp(code: string, secret: string, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp.checkDelta(code, secret);
  if (delta === null) return null;
  const step = Math.floor(Date.now() / 1000 / stepSeconds) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}
