import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MessageKey } from '../i18n';
import type { Moment, Tool } from '../session/types';
import type { AreaId } from '../domain/areas';
import { AREA_IDS, areaMessageKey } from '../domain/areas';
import type { CautionId, Position, TechniqueKnotKey, TechniqueMoveKey } from './catalogue';
import {
  CAUTION_IDS,
  POSITIONS,
  TOOLS,
  allTechniques,
  cautionKey,
  positionKey,
  techniqueFor,
  techniqueKnotKey,
  techniqueMoveKey,
  toolKey,
} from './catalogue';
import { MOMENT_IDS, PRE_DONE_KEY, momentKey } from './moments';
import { ASK_FIRST, ASK_FIRST_GUN } from '../routines/ask-first';

/*
 * Compile-time half: every key the helpers can build is a key `t()` accepts, so `npx tsc --noEmit` fails
 * as soon as one is missing from messages.json (after `npx wxt prepare`).
 */
type Accepts<K extends MessageKey> = K;
export type CompileTimeKeyCheck = [
  Accepts<TechniqueMoveKey>,
  Accepts<TechniqueKnotKey>,
  Accepts<`pos_${Position}`>,
  Accepts<`caution_${CautionId}`>,
  Accepts<`moment_${Moment}`>,
  Accepts<typeof PRE_DONE_KEY>,
  Accepts<`tool_${Tool}`>,
  Accepts<ReturnType<typeof areaMessageKey<AreaId>>>,
  Accepts<(typeof ASK_FIRST)[number] | (typeof ASK_FIRST_GUN)[number]>,
];
// Literal arguments give literal keys that t() takes directly.
const literal: MessageKey[] = [techniqueMoveKey('chest', 'gun'), techniqueKnotKey('feet', 'roller')];

/* Run-time half: the messages exist and say something. */
type Messages = Record<string, { message?: unknown; placeholders?: Record<string, { content?: unknown }> }>;
const messages = JSON.parse(readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Messages;

function expectMessage(key: string) {
  const entry = messages[key];
  expect(entry, `missing message ${key}`).toBeDefined();
  expect(typeof entry?.message, key).toBe('string');
  expect(String(entry?.message).trim().length, `empty message ${key}`).toBeGreaterThan(0);
}

describe('messages for the routine library', () => {
  it('names every area', () => {
    for (const area of AREA_IDS) expectMessage(areaMessageKey(area));
  });

  it('has a movement cue and a knot cue for every technique, and none for absent pairs', () => {
    for (const area of AREA_IDS) {
      for (const tool of TOOLS) {
        const move = techniqueMoveKey(area, tool);
        const knot = techniqueKnotKey(area, tool);
        if (techniqueFor(area, tool)) {
          expectMessage(move!);
          expectMessage(knot!);
        } else {
          expect(move).toBeUndefined();
          const snake = area.replace(/-/g, '_');
          expect(messages[`tech_${snake}_${tool}_move`], `${area} ${tool}`).toBeUndefined();
          expect(messages[`tech_${snake}_${tool}_knot`], `${area} ${tool}`).toBeUndefined();
        }
      }
    }
    for (const key of literal) expectMessage(key);
  });

  it('keeps cues to one line', () => {
    for (const { area, tool } of allTechniques()) {
      for (const key of [techniqueMoveKey(area, tool)!, techniqueKnotKey(area, tool)!]) {
        const text = String(messages[key]?.message);
        expect(text, key).not.toMatch(/\n/);
        expect(text.length, key).toBeLessThanOrEqual(140);
      }
    }
  });

  it('names every position, caution, moment and tool', () => {
    for (const position of POSITIONS) expectMessage(positionKey(position));
    for (const caution of CAUTION_IDS) expectMessage(cautionKey(caution));
    for (const moment of MOMENT_IDS) expectMessage(momentKey(moment));
    expectMessage(PRE_DONE_KEY);
    for (const tool of TOOLS) expectMessage(toolKey(tool));
  });

  it("has the words for who should ask first, and for each tool's voice and hold", () => {
    for (const key of [...ASK_FIRST, ...ASK_FIRST_GUN, 'askFirstIntro', 'askFirstGunIntro']) expectMessage(key);
    for (const tool of TOOLS) expectMessage(`breathe_${tool}`);
    for (const key of ['voice_roll', 'voice_glide', 'voice_hold_end', 'voice_hold_end_gun']) expectMessage(key);
    // Every caution a technique carries is one the catalogue lists, so none goes unworded.
    for (const { area, tool, technique } of allTechniques()) {
      for (const caution of technique.cautions) expect(CAUTION_IDS, `${area} ${tool}`).toContain(caution);
    }
  });

  it('gives every area a massage-ball technique off the floor', () => {
    for (const area of AREA_IDS) {
      const technique = techniqueFor(area, 'ball');
      expect(technique && technique.position !== 'floor', area).toBe(true);
    }
  });

  it('declares a placeholder for every $NAME$ it uses in these keys', () => {
    const prefixes = ['tech_', 'pos_', 'caution_', 'moment_', 'tool_'];
    for (const [key, entry] of Object.entries(messages)) {
      if (!prefixes.some((prefix) => key.startsWith(prefix))) continue;
      for (const [, name] of String(entry.message).matchAll(/\$([A-Za-z0-9_]+)\$/g)) {
        expect(entry.placeholders?.[name!.toLowerCase()], `${key}: $${name}$`).toBeDefined();
      }
    }
  });
});
