/**
 * Load from a separate process (`load-worker.mjs`, autocannon), against a server on loopback.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const worker = fileURLToPath(new URL('./load-worker.mjs', import.meta.url));

export interface LoadSpec {
  url: string;
  path: string;
  connections: number;
  /** Seconds. */
  duration: number;
  method?: string;
  headers?: Record<string, string>;
  /** A JSON body in which `{n}` is replaced by a number unique within the run. */
  bodyTemplate?: string;
  /** A field of each 2xx answer to collect (e.g. the receipt number). */
  collect?: string;
}

export interface LoadResult {
  rps: number;
  total: number;
  p50: number;
  p99: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  collected: string[];
}

export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const child = spawn(process.execPath, [worker, JSON.stringify(spec)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`load worker exited ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as LoadResult);
    }),
  );
}
