// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { ThemeSetting } from './ThemeSetting';

vi.mock('../../lib/i18n', async (importOriginal) => {
  const { english } = await import('../../tests/unit/english');
  return { ...(await importOriginal<typeof import('../../lib/i18n')>()), t: english };
});

afterEach(cleanup);

describe('ThemeSetting', () => {
  it('offers System, Light and Dark in a named group, System when nothing is stored', () => {
    render(<ThemeSetting value={undefined} onChange={() => undefined} />);
    const group = screen.getByRole('group', { name: 'Theme' });
    const radios = [...group.querySelectorAll('input[type="radio"]')] as HTMLInputElement[];
    expect(radios.map((r) => r.labels?.[0]?.textContent)).toEqual(['System', 'Light', 'Dark']);
    expect(screen.getByRole('radio', { name: 'System' })).toHaveProperty('checked', true);
  });

  it('shows the stored choice and reports a new one', () => {
    const onChange = vi.fn();
    render(<ThemeSetting value="light" onChange={onChange} />);
    expect(screen.getByRole('radio', { name: 'Light' })).toHaveProperty('checked', true);
    fireEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(onChange).toHaveBeenCalledWith('dark');
  });
});
