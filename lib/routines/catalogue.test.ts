import { describe, expect, it } from 'vitest';
import { AREAS, AREA_IDS } from '../domain/areas';
import {
  CATALOGUE,
  CAUTION_IDS,
  GENERAL_CAUTIONS,
  POSITIONS,
  TOOLS,
  allTechniques,
  cautionKey,
  hasTechnique,
  positionKey,
  techniqueFor,
  techniqueKnotKey,
  techniqueMoveKey,
  toolKey,
  toolsFor,
  rollsPerSet,
} from './catalogue';

describe('catalogue', () => {
  it('covers exactly the 14 areas', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual([...AREA_IDS].sort());
    expect(AREA_IDS).toHaveLength(14);
  });

  it('keeps every default dose within the evidence (30–120 s per side) and on a 5 s grid', () => {
    for (const { technique } of allTechniques()) {
      expect(technique.secondsPerSide).toBeGreaterThanOrEqual(30);
      expect(technique.secondsPerSide).toBeLessThanOrEqual(120);
      expect(technique.secondsPerSide % 5).toBe(0);
    }
  });

  it('uses only known positions and cautions, each caution once', () => {
    for (const { technique } of allTechniques()) {
      expect(POSITIONS).toContain(technique.position);
      for (const caution of technique.cautions) expect(CAUTION_IDS).toContain(caution);
      expect(new Set(technique.cautions).size).toBe(technique.cautions.length);
    }
    for (const caution of GENERAL_CAUTIONS) expect(CAUTION_IDS).toContain(caution);
  });

  it('gives every area a massage-ball technique that needs no floor', () => {
    for (const area of AREA_IDS) {
      const technique = techniqueFor(area, 'ball');
      expect(technique, area).toBeDefined();
      expect(technique?.position, area).not.toBe('floor');
    }
  });

  it('leaves out the pairs that are unsafe or useless rather than warning about them', () => {
    // Gun: not between the shoulder blades, not over the femoral nerve and artery, not on the shin bone,
    // not on the thin sole of the foot.
    for (const area of ['upper-back', 'hip-flexors', 'shins', 'feet'] as const) {
      expect(hasTechnique(area, 'gun'), area).toBe(false);
      expect(techniqueFor(area, 'gun'), area).toBeUndefined();
    }
    // Roller: not under the neck, not over the ribs and breastbone.
    for (const area of ['upper-traps', 'chest'] as const) expect(hasTechnique(area, 'roller'), area).toBe(false);
    // No low back at all.
    expect(AREA_IDS).not.toContain('low-back');
  });

  it('never puts the forearms on the floor, and keeps the neck area off the roller entirely', () => {
    for (const tool of toolsFor('forearms')) expect(techniqueFor('forearms', tool)?.position).toBe('table');
    expect(toolsFor('upper-traps')).toEqual(['ball', 'gun']);
    for (const tool of toolsFor('upper-traps')) expect(techniqueFor('upper-traps', tool)?.cautions).toContain('neck');
  });

  it('flags the upper back for the spine, the legs near the knee for the knee, every gun for gun safety', () => {
    for (const tool of toolsFor('upper-back')) expect(techniqueFor('upper-back', tool)?.cautions).toContain('spine');
    for (const area of ['it-band', 'quads', 'hamstrings', 'calves'] as const) {
      for (const tool of toolsFor(area)) expect(techniqueFor(area, tool)?.cautions, `${area} ${tool}`).toContain('knee');
    }
    for (const { area, tool, technique } of allTechniques()) {
      if (tool === 'gun') expect(technique.cautions, area).toContain('gun');
      else expect(technique.cautions, `${area} ${tool}`).not.toContain('gun');
    }
  });

  it('flags varicose veins wherever the big leg veins run: inner thigh, hamstrings and calves, every tool', () => {
    for (const area of ['adductors', 'hamstrings', 'calves'] as const) {
      for (const tool of toolsFor(area)) expect(techniqueFor(area, tool)?.cautions, `${area} ${tool}`).toContain('varicose');
    }
  });

  it("carries the fracture line on every roller and ball step over a bony area (the gun's own caution names it)", () => {
    for (const { area, tool, technique } of allTechniques()) {
      const bony = technique.cautions.includes('bone');
      if (tool === 'gun') expect(technique.cautions, area).not.toContain('fracture');
      else expect(technique.cautions.includes('fracture'), `${area} ${tool}`).toBe(bony);
    }
  });

  it('has 36 techniques: 12 for the roller, 14 for the ball, 10 for the gun', () => {
    const all = allTechniques();
    expect(all).toHaveLength(36);
    const count = (tool: string) => all.filter((entry) => entry.tool === tool).length;
    expect([count('roller'), count('ball'), count('gun')]).toEqual([12, 14, 10]);
  });

  it('answers undefined, not a throw, for a pair or a name it does not have', () => {
    expect(techniqueFor('upper-back', 'gun')).toBeUndefined();
    expect(techniqueMoveKey('upper-back', 'gun')).toBeUndefined();
    expect(techniqueKnotKey('chest', 'roller')).toBeUndefined();
    // Inherited names are not tools.
    expect(techniqueFor('lats', 'constructor' as never)).toBeUndefined();
    expect(toolsFor('lats')).toEqual([...TOOLS]);
  });

  it('builds the i18n keys', () => {
    expect(techniqueMoveKey('upper-back', 'ball')).toBe('tech_upper_back_ball_move');
    expect(techniqueKnotKey('hip-flexors', 'roller')).toBe('tech_hip_flexors_roller_knot');
    expect(techniqueMoveKey('it-band', 'gun')).toBe('tech_it_band_gun_move');
    expect(positionKey('wall')).toBe('pos_wall');
    expect(cautionKey('knee')).toBe('caution_knee');
    expect(toolKey('gun')).toBe('tool_gun');
  });

  it('keeps the sided flag and a body-map view on every area', () => {
    for (const area of AREA_IDS) expect(['front', 'back']).toContain(AREAS[area].view);
    // The upper back is worked beside the spine, one side at a time, never across it.
    expect(AREAS['upper-back'].sided).toBe(true);
    expect(rollsPerSet('upper-back', 'ball')).toBe(2);
    expect(rollsPerSet('upper-back', 'roller')).toBe(2);
  });

  it('rolls both legs at once only where the technique puts both thighs on the roller', () => {
    const both = allTechniques().filter(({ technique }) => technique.bothLegs);
    expect(both.map(({ area, tool }) => `${area} ${tool}`)).toEqual(['quads roller', 'hamstrings roller']);
    expect(rollsPerSet('quads', 'roller')).toBe(1);
    expect(rollsPerSet('quads', 'ball')).toBe(2);
  });
});
