/** What the benchmarks ask of a running server: its operations, and an admin's session. */
import { logIn } from '../../src/reliability/http.ts';
import { admin } from './place.ts';

export async function hasOperation(baseUrl: string, method: string, path: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/v1/openapi.json`);
  const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
  return method.toLowerCase() in (document.paths[path] ?? {});
}

export async function adminHeaders(baseUrl: string): Promise<Record<string, string>> {
  return (await logIn(baseUrl, admin)).headers;
}
