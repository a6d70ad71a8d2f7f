// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { speakEnglish } from '../../tests/unit/english';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ChoicePicker } from './ChoicePicker';
import { PlanPreview } from './PlanPreview';
import type { BreakChoice } from '../../lib/domain/choice';

vi.mock('../../lib/i18n', async (importOriginal) => {
  const { english } = await import('../../tests/unit/english');
  return { ...(await importOriginal<typeof import('../../lib/i18n')>()), t: english };
});

const desk: BreakChoice = { moment: 'desk', tool: 'ball', minutes: 5, focus: [] };

/** The popup's pair: the picker and the preview on one choice, as the start view wires them. */
function Popup({ initial }: { initial: BreakChoice }) {
  const [choice, setChoice] = useState(initial);
  return (
    <>
      <ChoicePicker choice={choice} onChange={setChoice} />
      <PlanPreview choice={choice} onChange={setChoice} />
    </>
  );
}

const planNames = async () => (await screen.findAllByRole('listitem')).map((li) => li.firstElementChild!.textContent);

beforeEach(() => {
  fakeBrowser.reset();
  speakEnglish();
});
afterEach(cleanup);

describe('ChoicePicker: what was trained', () => {
  it('asks only before and after a workout, in the right tense', () => {
    const { rerender } = render(<ChoicePicker choice={desk} onChange={() => undefined} />);
    expect(screen.queryByRole('group', { name: /train\?/ })).toBeNull();
    rerender(<ChoicePicker choice={{ ...desk, moment: 'post', minutes: 7 }} onChange={() => undefined} />);
    const after = screen.getByRole('group', { name: 'What did you train?' });
    expect([...after.querySelectorAll('label')].map((l) => l.textContent)).toEqual([
      'Legs',
      'Upper body',
      'Full body',
      'Running',
    ]);
    rerender(<ChoicePicker choice={{ ...desk, moment: 'pre' }} onChange={() => undefined} />);
    expect(screen.getByRole('group', { name: 'What will you train?' })).toBeTruthy();
    // Nothing picked yet: full body is ticked.
    expect((screen.getByRole('radio', { name: 'Full body' }) as HTMLInputElement).checked).toBe(true);
  });

  it('reports one click as the new choice, focus cleared', () => {
    const onChange = vi.fn();
    render(<ChoicePicker choice={{ ...desk, moment: 'post', minutes: 7, focus: ['calves'] }} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Legs' }));
    expect(onChange).toHaveBeenCalledWith({ ...desk, moment: 'post', minutes: 7, trained: 'legs', focus: [] });
  });

  it('brings the length into the moment: 7 minutes after a workout, at most 8 before one', () => {
    const onChange = vi.fn();
    const { rerender } = render(<ChoicePicker choice={desk} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'After a workout' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...desk, moment: 'post', minutes: 7 });
    rerender(<ChoicePicker choice={{ ...desk, minutes: 10 }} onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Before a workout' }));
    expect(onChange).toHaveBeenLastCalledWith({ ...desk, moment: 'pre', minutes: 8 });
    rerender(<ChoicePicker choice={{ ...desk, moment: 'pre', minutes: 8 }} onChange={onChange} />);
    expect((screen.getByRole('button', { name: 'Longer break' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('updates the plan preview at once: the trained muscles lead it, whatever was rolled yesterday', async () => {
    const yesterday = Date.now() - 24 * 60 * 60 * 1000;
    await fakeBrowser.storage.local.set({
      lastRolled: { quads: yesterday, hamstrings: yesterday, glutes: yesterday, calves: yesterday },
    });
    render(<Popup initial={{ moment: 'post', tool: 'roller', minutes: 7, focus: [], trained: 'upper' }} />);
    expect((await planNames())[0]).toBe('Upper back');
    fireEvent.click(screen.getByRole('radio', { name: 'Legs' }));
    expect((await planNames()).slice(0, 2)).toEqual(['Quads (front of the thigh)', 'Hamstrings (back of the thigh)']);
    expect(screen.getAllByRole('listitem')[0]!.textContent).toContain('both legs');
  });
});
