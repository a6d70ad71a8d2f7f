// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PlanPreview } from './PlanPreview';

import { speakEnglish } from '../../tests/unit/english';
import type { BreakChoice } from '../../lib/domain/choice';

speakEnglish();

const desk: BreakChoice = { moment: 'desk', tool: 'ball', minutes: 5, focus: [] };

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('PlanPreview', () => {
  it("lists the plan's areas with their times and highlights them on the body map", async () => {
    render(<PlanPreview choice={desk} onChange={() => undefined} />);
    const items = await screen.findAllByRole('listitem');
    const names = items.map((li) => li.firstElementChild!.textContent);
    expect(names).toEqual(['Upper back', 'Forearms', 'Soles of the feet']);
    // The upper back is rolled beside the spine, one side at a time.
    expect(items[0]!.textContent).toContain('0:45 per side');
    expect(items[1]!.textContent).toContain('per side');
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe(
      'Body map. Highlighted: Upper back, Forearms, and Soles of the feet.',
    );
  });

  it('suggests a ball when a desk break is set to the foam roller, which reaches little off the floor', async () => {
    render(<PlanPreview choice={{ ...desk, tool: 'roller' }} onChange={() => undefined} />);
    expect(await screen.findByText(/A massage ball covers more\./)).toBeTruthy();
    const names = (await screen.findAllByRole('listitem')).map((li) => li.firstElementChild!.textContent);
    expect(names.sort()).toEqual(['Forearms', 'Soles of the feet']);
  });

  it('starts with the least recently rolled areas', async () => {
    await fakeBrowser.storage.local.set({ lastRolled: { 'upper-back': Date.now() - 1000, forearms: Date.now() - 2000 } });
    render(<PlanPreview choice={desk} onChange={() => undefined} />);
    const items = await screen.findAllByRole('listitem');
    expect(items[0]!.firstElementChild!.textContent).not.toBe('Upper back');
  });

  it('shows a dose past two minutes as sets: "2 × 1:10 per side"', async () => {
    render(<PlanPreview choice={{ ...desk, tool: 'roller', minutes: 10 }} onChange={() => undefined} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.lastElementChild!.textContent)).toEqual(['2 × 1:10 per side', '2 × 1:05 per side']);
  });

  it('offers only the areas that suit the moment and tool as focus choices, and reports a pick', async () => {
    const onChange = vi.fn();
    render(<PlanPreview choice={{ ...desk, tool: 'gun' }} onChange={onChange} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Focus areas' }));
    const chips = screen.getAllByRole('checkbox').map((c) => c.parentElement!.textContent);
    // No gun on the upper back, shins, feet or hip flexors; no floor at a desk.
    expect(chips).not.toContain('Upper back');
    expect(chips).not.toContain('Shins (muscle beside the bone)');
    expect(chips).toContain('Upper traps (shoulder tops)');
    expect(chips).toContain('Forearms');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Forearms' }));
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ ...desk, tool: 'gun', focus: ['forearms'] }));
  });

  it('says what it leaves out for an injury, and never plans it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { avoid: [{ area: 'upper-back', until: null }] } });
    render(<PlanPreview choice={desk} onChange={() => undefined} />);
    expect(await screen.findByText('Leaving out: Upper back')).toBeTruthy();
    const names = (await screen.findAllByRole('listitem')).map((li) => li.firstElementChild!.textContent);
    expect(names).not.toContain('Upper back');
  });

  it('leaves out one side of an area rolled one side at a time, and names the side', async () => {
    await fakeBrowser.storage.sync.set({ settings: { avoid: [{ area: 'upper-back', until: null, side: 'right' }] } });
    render(<PlanPreview choice={{ ...desk, focus: ['upper-back'] }} onChange={() => undefined} />);
    expect(await screen.findByText('Leaving out: Upper back · right side')).toBeTruthy();
    const items = await screen.findAllByRole('listitem');
    const names = items.map((li) => li.firstElementChild!.textContent);
    expect(names[0]).toBe('Upper back · left side');
    // One side only: its time, without "per side".
    expect(items[0]!.lastElementChild!.textContent).toMatch(/^\d:\d\d$/);
  });

  it('names the trained muscles a short post-workout break has no time for, and the length that fits them', async () => {
    render(
      <PlanPreview
        choice={{ moment: 'post', tool: 'roller', minutes: 4, focus: [], trained: 'legs' }}
        onChange={() => undefined}
      />,
    );
    expect(await screen.findByText(/^Not in 4 min: .+ — \d+ min fits them$|^Not in 4 min: [^—]+$/)).toBeTruthy();
  });

  it('marks an area to leave alone from the popup, through the settings writer', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      sent.push(m);
      return Promise.resolve({ settings: {} });
    });
    render(<PlanPreview choice={desk} onChange={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Leave areas alone' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Forearms' }));
    expect(await screen.findByText('Leaving out: Forearms')).toBeTruthy();
    await waitFor(() =>
      expect(sent).toContainEqual({ type: 'settings:patch', patch: { avoid: [{ area: 'forearms', until: null }] } }),
    );
  });

  it('marks one side to leave alone from the popup, shows it on the chip, and removes it', async () => {
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((m: unknown) => {
      sent.push(m);
      return Promise.resolve({ settings: {} });
    });
    render(<PlanPreview choice={desk} onChange={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Leave areas alone' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Side' }), { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Forearms' }));
    expect(await screen.findByText('Leaving out: Forearms · right side')).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Forearms · right side' })).toHaveProperty('checked', true);
    await waitFor(() =>
      expect(sent).toContainEqual({
        type: 'settings:patch',
        patch: { avoid: [{ area: 'forearms', until: null, side: 'right' }] },
      }),
    );
    fireEvent.click(screen.getByRole('checkbox', { name: 'Forearms · right side' }));
    await waitFor(() => expect(screen.queryByText(/^Leaving out/)).toBeNull());
    await waitFor(() => expect(sent).toContainEqual({ type: 'settings:patch', patch: { avoid: [] } }));
  });
});
