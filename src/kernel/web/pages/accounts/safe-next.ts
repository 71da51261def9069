/**
 * Where to go after signing in, from the `?next=` of the sign-in page: only a path on this site. An
 * open redirect would let a phishing link end, after a real sign-in, on a look-alike site.
 */
export function safeNext(next: string | null, fallback: string): string {
  if (!next?.startsWith('/')) return fallback;
  // `//host` and `/\host` are read by browsers as another site.
  if (next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
