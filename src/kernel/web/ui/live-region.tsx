/**
 * Live regions: text that assistive technology reads out when it changes, without moving focus.
 * A live region must already be in the page before its text changes (a region inserted together
 * with its text is often not read), so these stay rendered and only their content changes.
 */
import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from 'react';

interface LiveRegionProps {
  children?: ReactNode;
  /** `polite` waits for the reader to finish; `assertive` interrupts (errors only). */
  politeness?: 'polite' | 'assertive';
  /** Heard but not seen (the shell's announcer). */
  hidden?: boolean;
  className?: string;
}

export function LiveRegion({ children, politeness = 'polite', hidden = false, className }: LiveRegionProps) {
  const classes = [hidden ? 'visually-hidden' : '', className ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div
      className={classes}
      role={politeness === 'assertive' ? 'alert' : 'status'}
      aria-live={politeness}
      aria-atomic="true"
    >
      {children}
    </div>
  );
}

const AnnounceContext = createContext<(message: string) => void>(() => {});

/** Provides `useAnnounce()` and renders the one hidden region that speaks its messages. */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback((text: string) => {
    // Clear first, then set on the next tick: the same message twice in a row must be read twice.
    setMessage('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setMessage(text), 50);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <LiveRegion hidden>{message}</LiveRegion>
    </AnnounceContext.Provider>
  );
}

/** Says `message` to screen reader users (a page change, a saved form). */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}

/** A visible message box, e.g. "saved" after a form, or an empty state. */
export function Notice({
  tone = 'info',
  children,
}: {
  tone?: 'info' | 'success' | 'warning' | 'error';
  children: ReactNode;
}) {
  return <div className={`notice notice--${tone}`}>{children}</div>;
}
