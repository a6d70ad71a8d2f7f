// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WelcomePage } from './WelcomePage';
import { SafetyNote } from '../popup/SafetyNote';
import { WhyPage } from './WhyPage';
import { ASK_FIRST, ASK_FIRST_GUN } from '../../lib/routines/ask-first';
import { english } from '../../tests/unit/english';

vi.mock('../../lib/i18n', async (importOriginal) => {
  const { english } = await import('../../tests/unit/english');
  return { ...(await importOriginal<typeof import('../../lib/i18n')>()), t: english };
});

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

/** Who should ask first, as the person reads it: the intro and each list item, in order. */
const ASK_FIRST_TEXT = [
  'Ask a doctor or physiotherapist first if any of these apply to you:',
  ...ASK_FIRST.map((key) => english(key)),
  'With a massage gun, also:',
  ...ASK_FIRST_GUN.map((key) => english(key)),
];

/** The ask-first part of `container` as read: the intro lines and the list items. */
function askFirstIn(container: HTMLElement): string[] {
  const block = container.querySelector('.rb-ask');
  expect(block, 'the ask-first list').not.toBeNull();
  return [...block!.querySelectorAll('p, li')].map((el) => el.textContent ?? '');
}

describe('safety where the person is', () => {
  it('says on the welcome page that this is not medical advice, and who should ask first', () => {
    render(<WelcomePage />);
    const note = screen.getByRole('region', { name: 'Before your first roll' });
    expect(note.textContent).toContain('Rollbreak is a timer and a guide, not medical advice.');
    expect(askFirstIn(note)).toEqual(ASK_FIRST_TEXT);
    expect(note.textContent).toContain('Stop if you feel numbness, tingling or sharp pain.');
    // The welcome page is also where "knot" is explained.
    expect(screen.getByText(/A knot is a spot that feels tender or tight/)).toBeTruthy();
  });

  it("says the same in the popup's first-run note, which closes with one click", () => {
    const onClose = vi.fn();
    render(<SafetyNote onClose={onClose} />);
    const note = screen.getByRole('region', { name: 'Before your first roll' });
    expect(note.textContent).toContain('not medical advice');
    expect(askFirstIn(note)).toEqual(ASK_FIRST_TEXT);
    // A list, one condition to an item, not a paragraph.
    expect(note.querySelectorAll('ul > li')).toHaveLength(ASK_FIRST.length + ASK_FIRST_GUN.length);
    screen.getByRole('button', { name: 'Got it' }).click();
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says the same on "Why roll?", under its own heading', () => {
    render(<WhyPage />);
    const heading = screen.getByRole('heading', { name: 'Who should ask first' });
    expect(askFirstIn(heading.closest('section')!)).toEqual(ASK_FIRST_TEXT);
  });

  it("lists every usual contraindication, and the massage gun's own", () => {
    const all = ASK_FIRST.map((key) => english(key)).join('\n');
    for (const condition of [
      'Pregnancy',
      'Blood thinners',
      'bleeding disorder',
      'deep-vein thrombosis',
      'past blood clot',
      'Varicose veins',
      'Osteoporosis',
      'Recent surgery',
      'fracture',
      'fresh injury',
      'Cancer',
      'tumour',
      'Reduced feeling in the skin',
      'diabetic neuropathy',
      'poor circulation',
      'inflamed or infected area',
      'open wound',
      'rash',
    ]) {
      expect(all).toContain(condition);
    }
    const gun = ASK_FIRST_GUN.map((key) => english(key)).join('\n');
    for (const condition of ['pacemaker', 'another implant', 'joint replacement']) expect(gun).toContain(condition);
  });
});
