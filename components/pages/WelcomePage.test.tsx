// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { WelcomePage } from './WelcomePage';
import { SafetyNote } from '../popup/SafetyNote';

vi.mock('../../lib/i18n', async (importOriginal) => {
  const { english } = await import('../../tests/unit/english');
  return { ...(await importOriginal<typeof import('../../lib/i18n')>()), t: english };
});

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const ASK_FIRST =
  'Ask a doctor or physiotherapist first if you are pregnant, take blood thinners, or have osteoporosis, a clotting disorder or a fresh injury.';

describe('safety where the person is', () => {
  it('says on the welcome page that this is not medical advice, and who should ask first', () => {
    render(<WelcomePage />);
    const note = screen.getByRole('region', { name: 'Before your first roll' });
    expect(note.textContent).toContain('Rollbreak is a timer and a guide, not medical advice.');
    expect(note.textContent).toContain(ASK_FIRST);
    expect(note.textContent).toContain('Stop if you feel numbness, tingling or sharp pain.');
    // The welcome page is also where "knot" is explained.
    expect(screen.getByText(/A knot is a spot that feels tender or tight/)).toBeTruthy();
  });

  it('says the same in the popup\'s first-run note, which closes with one click', () => {
    const onClose = vi.fn();
    render(<SafetyNote onClose={onClose} />);
    const note = screen.getByRole('region', { name: 'Before your first roll' });
    expect(note.textContent).toContain('not medical advice');
    expect(note.textContent).toContain(ASK_FIRST);
    screen.getByRole('button', { name: 'Got it' }).click();
    expect(onClose).toHaveBeenCalledOnce();
  });
});
