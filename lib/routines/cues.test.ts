import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREAS } from '../domain/areas';
import { allTechniques, techniqueKnotKey, techniqueMoveKey } from './catalogue';

/*
 * The words people follow with a tool in their hands must agree with the safety rules the catalogue is
 * built on: stop short of joints, move slowly, and with a massage gun, rest it lightly rather than push.
 */
type Messages = Record<string, { message: string }>;
const messages = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Messages;
const text = (key: string) => messages[key]?.message ?? '';

/** Everything said during a roll: the technique cues, the hold words and the spoken cues. */
const spokenAndShown = Object.keys(messages).filter((key) => /^(tech_|breathe_|voice_(?!lang))/.test(key));

/**
 * A joint (or the groin's nerve bundle, or the spine) named as where to roll: "to the knee", "from wrist",
 * "over the elbow". Named as a limit it comes after "above", "below", "short of", "away from"...
 */
const JOINT_AS_TARGET =
  /(?<!\baway\s)\b(?:to|towards|from|over|onto|on|up to|down to|into)\s+(?:the\s+|your\s+|each\s+)?(?:knees?|kneecaps?|wrists?|elbows?|ankles?|hips?|groin|spine|neck|joints?)\b/i;

describe('cues agree with the rules', () => {
  it('never name a joint, the groin or the spine as where to roll', () => {
    expect(spokenAndShown.length).toBeGreaterThan(72);
    for (const key of spokenAndShown) expect(text(key), key).not.toMatch(JOINT_AS_TARGET);
    // The checker itself catches the old contradictions.
    for (const bad of [
      'roll from wrist to elbow',
      'roll the inner thigh from knee to groin',
      'roll ankle to knee',
      'up to the hips',
    ]) {
      expect(bad).toMatch(JOINT_AS_TARGET);
    }
    for (const limit of ['from above the knee', 'to below the hip', 'well away from the groin', 'short of the wrist']) {
      expect(limit).not.toMatch(JOINT_AS_TARGET);
    }
  });

  it('say how fast in every movement cue', () => {
    for (const { area, tool } of allTechniques()) {
      const key = techniqueMoveKey(area, tool)!;
      expect(text(key), key).toMatch(/\bslow(?:ly)?\b|cm (?:per|a) second/);
    }
    expect(text('whyDose2')).toMatch(/2\.5 cm \(1 inch\) per second/);
    expect(text('voice_roll')).toMatch(/slowly/);
  });

  it('tell a massage-gun user to rest it lightly without pushing, and never to let it sink in', () => {
    for (const { area, tool } of allTechniques()) {
      const knot = text(techniqueKnotKey(area, tool)!);
      if (tool === 'gun') {
        expect(knot, area).toMatch(/lightly/);
        expect(knot, area).toMatch(/no push/);
      }
      expect(knot, `${area} ${tool}`).not.toMatch(/brisk|fast|quick/i);
    }
    expect(text('breathe_gun')).toMatch(/lightly on the spot, no push/);
    expect(text('breathe_gun')).not.toMatch(/sink/);
    expect(text('holdBreath')).not.toMatch(/sink|tool/);
    expect(text('breathe_roller')).toMatch(/roller/);
    expect(text('breathe_ball')).toMatch(/ball/);
  });

  it('gives the breathing rhythm and the hold in units', () => {
    for (const tool of ['roller', 'ball', 'gun']) expect(text(`breathe_${tool}`)).toMatch(/in for 4 seconds, out for 6/);
    for (const key of Object.keys(messages)) expect(text(key), key).not.toMatch(/\b(?:in for four|an inch a second)\b/);
  });

  it('puts both thighs on the roller only where the plan rolls both legs at once, and sides everywhere else', () => {
    for (const { area, tool, technique } of allTechniques()) {
      const move = text(techniqueMoveKey(area, tool)!);
      if (technique.bothLegs) expect(move, `${area} ${tool}`).toMatch(/both thighs/);
      else expect(move, `${area} ${tool}`).not.toMatch(/both thighs|both legs/);
    }
    // The upper back is worked beside the spine, on the side the timer names.
    expect(AREAS['upper-back'].sided).toBe(true);
    for (const tool of ['roller', 'ball'] as const) {
      const move = text(techniqueMoveKey('upper-back', tool));
      expect(move).toMatch(/side shown/);
      expect(move).not.toMatch(/change sides|halfway|across the spine/);
    }
  });

  it('claims no more than the evidence: rolling may ease soreness', () => {
    for (const key of Object.keys(messages)) {
      expect(text(key), key).not.toMatch(/\b(?:eases|will ease|relieves|cures|prevents)\b[^.]*soreness/i);
      expect(text(key), key).not.toMatch(/brisk/i);
    }
    expect(text('postWorkoutMessage_other')).toMatch(/may ease soreness/);
  });

  it('keeps the general caution about numbness, tingling and sharp pain, and every caution short', () => {
    expect(text('caution_injury')).toMatch(/Stop if you feel numbness, tingling or sharp pain/);
    // The general caution, on every step, names everything on the skin a tool must stay off.
    for (const word of ['fresh injury', 'bruise', 'open wound', 'skin infection', 'rash'])
      expect(text('caution_injury')).toContain(word);
    for (const key of Object.keys(messages).filter((k) => k.startsWith('caution_'))) {
      expect(text(key).length, key).toBeLessThanOrEqual(key === 'caution_injury' ? 120 : 90);
    }
    expect(text('caution_fracture')).toMatch(/fracture/);
    expect(text('caution_gun')).toMatch(/fracture/);
    expect(text('caution_varicose')).toMatch(/varicose veins/);
  });

  it('asks for moderate pressure on the IT band, lighter on the band itself (Grabow 2018)', () => {
    const knot = text(techniqueKnotKey('it-band', 'roller'));
    expect(knot).toMatch(/moderate/);
    expect(knot).toMatch(/5–6 out of 10/);
    expect(knot).toMatch(/lighter on the band itself/);
    // No knot cue asks for more than that.
    for (const { area, tool } of allTechniques()) {
      expect(text(techniqueKnotKey(area, tool)!), `${area} ${tool}`).not.toMatch(
        /strong but bearable|as hard as|deep pressure|firm(?:ly)? press/i,
      );
    }
  });

  it('puts the upper-traps ball behind the muscle, against the wall, never on top of the shoulder', () => {
    const move = text(techniqueMoveKey('upper-traps', 'ball'));
    expect(move).toMatch(/between the wall and the back of the upper traps/);
    expect(move).not.toMatch(/on top of the shoulder/);
  });

  it('describes the glutes-on-a-wall movement the body really makes', () => {
    const move = text(techniqueMoveKey('glutes', 'ball'));
    // Bending the knees moves the ball up and down; circles come from the hips.
    expect(move).toMatch(/bend and straighten your knees[^.;]*up and down/);
    expect(move).toMatch(/circle your hips/);
    expect(move).not.toMatch(/knees[^.;]*circles/);
  });
});
