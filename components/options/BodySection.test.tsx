// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { BodySection } from './BodySection';
import { DEFAULT_SETTINGS } from '../../lib/settings/defaults';
import type { Settings } from '../../lib/settings/settings';

vi.mock('../../lib/i18n', async (importOriginal) => {
  const { english } = await import('../../tests/unit/english');
  return { ...(await importOriginal<typeof import('../../lib/i18n')>()), t: english };
});

afterEach(cleanup);

describe('BodySection: areas to leave alone', () => {
  it('adds one side of an area, picked by keyboard-reachable labelled fields', () => {
    const save = vi.fn();
    render(<BodySection settings={DEFAULT_SETTINGS} save={save} />);
    fireEvent.change(screen.getByRole('combobox', { name: 'Area' }), { target: { value: 'calves' } });
    const side = screen.getByRole('combobox', { name: 'Side' });
    expect([...(side as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['Both sides', 'Left only', 'Right only']);
    fireEvent.change(side, { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('button', { name: 'Leave alone' }));
    expect(save).toHaveBeenCalledWith({ avoid: [{ area: 'calves', until: null, side: 'right' }] });
  });

  it('shows each entry with its side and removes only that entry', () => {
    const save = vi.fn();
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      avoid: [
        { area: 'calves', until: null, side: 'right' },
        { area: 'quads', until: null },
      ],
    };
    render(<BodySection settings={settings} save={save} />);
    const items = screen.getAllByRole('listitem').map((li) => li.firstElementChild!.textContent);
    expect(items).toEqual(['Calves · right side · until you remove it', 'Quads (front of the thigh) · until you remove it']);
    fireEvent.click(screen.getByRole('button', { name: 'Roll Calves · right side again' }));
    expect(save).toHaveBeenCalledWith({ avoid: [{ area: 'quads', until: null }] });
  });
});
