// What a keyboard user does, for browser tests that must prove a page works without a mouse: type key
// by key into a focused field, press Enter on a focused control, move a closed select with the arrows.
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';

/** Types into a field as a person at a keyboard would: focus, then key by key. */
export async function typeInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.pressSequentially(text);
}

/** Presses a button or follows a link from the keyboard. */
export async function activate(control: Locator): Promise<void> {
  await control.focus();
  await control.press('Enter');
}

/** Moves a closed select to `value` with the arrow keys, as a keyboard user does. */
export async function chooseByKeyboard(select: Locator, value: string): Promise<void> {
  await select.focus();
  for (let step = 0; step < 40 && (await select.inputValue()) !== value; step += 1) {
    await select.press('ArrowDown');
  }
  assert.equal(await select.inputValue(), value);
}
