/**
 * What a page shows while its data loads, when loading failed, and once it is there. The loading
 * text sits in a live region, so a screen reader hears that something is coming.
 */

import type { ReactNode } from 'react';
import { useText } from '../i18n/index.ts';
import { shellText } from '../i18n/shell.ts';
import type { ApiData } from '../use-api.ts';
import { LiveRegion, Notice } from './live-region.tsx';

export function Loaded<T>({ state, children }: { state: ApiData<T>; children: (data: T) => ReactNode }) {
  const t = useText(shellText);
  if (state.error) {
    return (
      <Notice tone="error">
        <p>{state.error.title}</p>
      </Notice>
    );
  }
  return (
    <>
      <LiveRegion>{state.loading && state.data === undefined ? <p>{t('loading')}</p> : null}</LiveRegion>
      {state.data === undefined ? null : children(state.data)}
    </>
  );
}
