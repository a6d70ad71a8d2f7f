import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { generatePlan } from '../routines/generate-plan';
import { DEFAULT_SETTINGS, settingsItem } from '../storage/items';
import { buildPlan, planFor, rememberChoice, reminderChoice, withPositions } from './plan-for';

beforeEach(() => fakeBrowser.reset());

describe('plans as the background starts them', () => {
  it("puts the area's cautions and the general one on every step, so the timer shows them throughout", () => {
    const plan = withPositions(
      generatePlan({ moment: 'post', tool: 'gun', minutes: 7, focus: [], trained: 'legs', recent: [], seed: 1 }),
    );
    for (const step of plan.steps) {
      expect(step.cautions, `${step.kind} ${step.area}`).toContain('injury');
      expect(step.cautions!.at(-1)).toBe('injury');
      expect(step.cautions).toContain('gun');
    }
    const quads = plan.steps.filter((step) => step.area === 'quads');
    for (const step of quads) expect(step.cautions).toEqual(['knee', 'gun', 'injury']);
    expect(plan.steps[0]).toMatchObject({ kind: 'move', position: 'seated' });
    expect(plan.steps.filter((step) => step.kind !== 'move').every((step) => step.position === undefined)).toBe(true);
  });

  it('remembers what was trained with the moment, tool and length, and plans with it', async () => {
    await rememberChoice({ moment: 'post', tool: 'roller', minutes: 7, focus: [], trained: 'upper' });
    expect(await settingsItem.getValue()).toMatchObject({ moment: 'post', tool: 'roller', minutes: 7, trained: 'upper' });
    // A choice from an older popup, without the answer, keeps the remembered one.
    await rememberChoice({ moment: 'pre', tool: 'roller', minutes: 5, focus: [] });
    expect((await settingsItem.getValue()).trained).toBe('upper');
    const plan = await buildPlan({ moment: 'post', tool: 'roller', minutes: 7, focus: [], trained: 'upper' });
    expect(plan.steps[0]!.area).toBe('upper-back');
  });

  it('suggests an after-training roll of what was trained, long enough for full doses', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, tool: 'ball', minutes: 5, trained: 'run' });
    expect(await reminderChoice('post')).toEqual({ moment: 'post', tool: 'ball', minutes: 7, trained: 'run', focus: [] });
    // Another version's answer is not trusted.
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, trained: 'yoga' as never });
    expect((await reminderChoice('post')).trained).toBeUndefined();
  });
});

describe('a choice a page sends', () => {
  it('is checked field by field: an unknown moment, tool or area cannot make Start throw', async () => {
    const raw = { moment: 'nap', tool: 'stick', minutes: Number.NaN, focus: ['spleen', 'calves'], trained: 'chess' };
    const plan = await planFor(raw as never);
    expect(plan).toMatchObject({ moment: 'desk', tool: 'ball', minutes: 5 });
    expect(plan.steps.some((step) => step.area === 'calves')).toBe(true);
    expect(await settingsItem.getValue()).toMatchObject({ moment: 'desk', tool: 'ball', minutes: 5 });
  });
});
