// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerHandlers } from '../../lib/messaging/register';
import { RequestError } from '../../lib/messaging/request-error';
import { failedText } from '../../lib/messaging/request-problem';
import { settingsItem } from '../../lib/storage/items';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import { sendMessagesAsPage, useWire, type Wire } from '../../tests/doubles/messages';
import { speakEnglish } from '../../tests/unit/english';
import { useSettings } from './use-settings';

/** A settings field as the Settings page has it: shows the stored value, says why a change failed. */
function HoldField() {
  const { settings, patch } = useSettings();
  if (!settings) return <p>loading</p>;
  return (
    <p>
      <span data-testid="hold">{settings.holdSeconds}</span>
      <button
        type="button"
        onClick={() =>
          void patch({ holdSeconds: 30 }).catch((err: unknown) => (document.title = failedText('settingSaveFailed', err)))
        }
      >
        Change
      </button>
    </p>
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  useWire('chrome');
  vi.restoreAllMocks();
});

describe.each<Wire>(['chrome', 'firefox'])('a settings change the background could not save (%s)', (wire) => {
  it('goes back to the stored value, and the page learns why', async () => {
    useWire(wire);
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, holdSeconds: 25 });
    registerHandlers(
      { 'settings:patch': () => Promise.reject(new Error('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded')) },
      { owner: true },
    );
    sendMessagesAsPage();
    render(<HoldField />);
    await waitFor(() => expect(screen.getByTestId('hold').textContent).toBe('25'));
    screen.getByRole('button', { name: 'Change' }).click();
    await waitFor(() => expect(document.title).not.toBe(''));
    expect(screen.getByTestId('hold').textContent).toBe('25');
    expect(document.title).toBe(
      "Couldn't save the change, so the setting is back to what was saved: The browser's storage for Rollbreak is full or busy. Wait a minute and try again.",
    );
    document.title = '';
  });
});

it('words each code, and counts anything else as `failed`', () => {
  speakEnglish();
  expect(failedText('startFailed', new RequestError('unreachable', 'x'))).toBe(
    "Couldn't start the break: Rollbreak did not answer; it may have just been updated. Reload the page and try again.",
  );
  expect(failedText('startFailed', new TypeError('x'))).toBe(
    "Couldn't start the break: Something went wrong inside Rollbreak. Try again.",
  );
});
