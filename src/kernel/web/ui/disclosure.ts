/**
 * The WAI-ARIA disclosure pattern, as its "disclosure navigation" example uses it: a real button with
 * `aria-expanded` and `aria-controls` shows or hides a panel that follows it in the page, so Tab moves
 * through the panel in reading order and nothing traps focus. Not `role="menu"`: that would promise
 * arrow-key menu behaviour and make screen readers hide the links' nature.
 *
 * The panel closes on Escape (focus goes back to the button, so a keyboard user is not left on a link
 * that has just disappeared), when one of its links is followed, and on a click anywhere outside it
 * (which is also how opening one disclosure closes another).
 */
import { type MouseEvent, type RefObject, useEffect, useId, useRef, useState } from 'react';

export interface Disclosure {
  open: boolean;
  /** On the element that holds both the button and the panel: clicks inside it are not "outside". */
  containerRef: RefObject<HTMLElement | null>;
  buttonProps: {
    ref: RefObject<HTMLButtonElement | null>;
    type: 'button';
    'aria-expanded': boolean;
    'aria-controls': string;
    onClick: () => void;
  };
  panelProps: { id: string; onClick: (event: MouseEvent<HTMLElement>) => void };
}

export function useDisclosure(): Disclosure {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const containerRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function closeOnEscape(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      const focus = document.activeElement;
      // Escape pressed in some other part of the page belongs to that part (a field, a dialog).
      if (focus !== document.body && !containerRef.current?.contains(focus)) return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    function closeOnClickOutside(event: globalThis.MouseEvent) {
      if (event.target instanceof Node && !containerRef.current?.contains(event.target)) setOpen(false);
    }
    document.addEventListener('keydown', closeOnEscape);
    document.addEventListener('click', closeOnClickOutside);
    return () => {
      document.removeEventListener('keydown', closeOnEscape);
      document.removeEventListener('click', closeOnClickOutside);
    };
  }, [open]);

  function closeOnLink(event: MouseEvent<HTMLElement>) {
    const link = event.target instanceof Element ? event.target.closest('a') : null;
    if (!link) return;
    setOpen(false);
    // A link to the page already shown moves nowhere, and no new heading takes focus: keep focus on
    // the button rather than on a link that is being hidden.
    if (link.getAttribute('aria-current') === 'page') buttonRef.current?.focus();
  }

  return {
    open,
    containerRef,
    buttonProps: {
      ref: buttonRef,
      type: 'button',
      'aria-expanded': open,
      'aria-controls': panelId,
      onClick: () => setOpen((wasOpen) => !wasOpen),
    },
    panelProps: { id: panelId, onClick: closeOnLink },
  };
}
