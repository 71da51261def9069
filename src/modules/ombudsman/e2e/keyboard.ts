/**
 * Moving through a page with the Tab key alone, as a keyboard user does: press Tab until the control
 * whose label (or text) matches has focus. Fails if it is never reached, which is itself a finding:
 * a control that Tab cannot reach cannot be used without a mouse.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** The name of what has focus: its label for a form control, else its own text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labels = (element as HTMLInputElement).labels;
    const label = labels && labels.length > 0 ? labels[0]?.textContent : null;
    return (label ?? element.getAttribute('aria-label') ?? element.textContent ?? '').trim();
  });
}

export async function tabTo(page: Page, name: RegExp, limit = 60): Promise<void> {
  const seen: string[] = [];
  for (let step = 0; step < limit; step++) {
    await page.keyboard.press('Tab');
    const current = await focusedName(page);
    if (name.test(current)) return;
    seen.push(current);
  }
  assert.fail(`Tab never reached ${name}; it went through: ${seen.join(' | ')}`);
}
