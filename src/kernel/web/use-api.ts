/**
 * Reading from the API in a component: loads `path`, again when the path or the language changes
 * (the server answers texts and messages in the UI's language), and on `reload()` after a change,
 * bypassing the browser's cache then so that the change shows. A stale answer never overwrites a newer
 * one: the previous request is aborted.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api } from './api.ts';
import { useLanguage } from './i18n/index.ts';

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  /**
   * Loads again; `onLoaded` runs once the fresh answer is in, so that "the latest version is loaded"
   * is said when it is true, not while the old one still shows.
   */
  reload(onLoaded?: () => void): void;
}

export function useApiData<T>(path: string): ApiData<T> {
  const language = useLanguage();
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const asked = useRef(0);
  const waiting = useRef<{ generation: number; onLoaded: () => void }[]>([]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: language and generation are reasons to load again.
  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    api<T>(path, { signal: controller.signal, fresh: generation > 0 })
      .then((answer) => {
        setData(answer);
        setError(null);
        // Only an answer to the reload asked for (or a later one) is the fresh one.
        const due = waiting.current.filter((entry) => entry.generation <= generation);
        waiting.current = waiting.current.filter((entry) => entry.generation > generation);
        for (const entry of due) entry.onLoaded();
      })
      .catch((failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(failure instanceof ApiError ? failure : new ApiError(0, 'unknown', String(failure)));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, language, generation]);

  const reload = useCallback((onLoaded?: () => void) => {
    asked.current += 1;
    // Pages pass `reload` itself as a callback (`onUploaded={reload}`), which hands it an argument.
    if (typeof onLoaded === 'function') waiting.current.push({ generation: asked.current, onLoaded });
    setGeneration(asked.current);
  }, []);
  return { data, error, loading, reload };
}

/** An address that names nothing: the record is missing (404) or its key is not even valid (400). */
export function isNotFound(error: ApiError | null): boolean {
  return error?.status === 404 || error?.status === 400;
}
