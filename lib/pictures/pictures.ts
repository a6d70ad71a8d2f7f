import type { Tool } from '../domain/lists';
import type { AreaId } from '../domain/areas';
import type { ToolFor } from '../routines/catalogue';
import type { Figure, Stretch } from './figure';
import { area, figure, parts, ARM_WIDTH, LEG_WIDTH } from './figure';
import type { Picture, Pt, Shape } from './shapes';
import { aside, between } from './shapes';
import { BALL, FLOOR, ROLLER, arrow, ball, chair, circling, desk, floor, gun, roller, wall } from './props';

/**
 * A picture for every technique of the catalogue (lib/routines/catalogue.ts), composed from the one figure,
 * the three tools, the scenery and a movement arrow. Each shows the technique's own cue: the body's
 * position, where the tool sits, the area being worked (in the accent colour, like the tool) and the
 * movement. They show the RIGHT side of the body; the left side is the same picture mirrored
 * (`mirrored`), whatever the language's direction.
 *
 * Seen from the side, a figure facing right shows its right side: the limb nearest the viewer is the right
 * one. Seen from the front, the person's right is on the viewer's left; seen from above, lying face down with
 * the head to the left, the right side is at the top.
 */

/** Where a limb resting on the floor has its middle line. */
const ON_FLOOR = FLOOR - LEG_WIDTH / 2 - 0.9;
const HAND_ON_FLOOR = FLOOR - ARM_WIDTH / 2 - 0.9;

/** The centre of a round tool of `radius` touching a part at `t` of its length, on its `side` (as `aside`). */
function against([a, b, width]: Stretch, t: number, radius: number, side: -1 | 1): Pt {
  return aside(between(a, b, t), a, b, side * (radius + width / 2 + 0.9));
}

/** An arrow alongside a part, from `from` to `to` of its length, `by` units off it (as `aside`). */
function along([a, b]: Stretch, from: number, to: number, by: number, both = true): Shape[] {
  return arrow(aside(between(a, b, from), a, b, by), aside(between(a, b, to), a, b, by), both);
}

/** One picture from shapes, lists of shapes and figures, in drawing order (the first drawn is at the back). */
/** The seated figures' arrow for a thigh: just beyond the knee, in line with the thigh (above it are the hands). */
const pastKnee = (thigh: Stretch) => along(thigh, 1.2, 1.85, -1);

const draw = (...items: Array<Shape | readonly Shape[] | Figure>): Picture =>
  items.flatMap((item): readonly Shape[] =>
    'shapes' in item ? item.shapes : typeof item[0] === 'string' ? [item as Shape] : (item as readonly Shape[]),
  );

// --- On the floor -----------------------------------------------------------------------------------------

function upperBackRoller(): Picture {
  const f = figure({
    hip: [60, 52],
    torso: 200,
    head: 192,
    facing: 1,
    far: { arm: { angles: [-30, 175] }, leg: { to: [79, ON_FLOOR], bend: -1 } },
    near: { arm: { angles: [-20, 180] }, leg: { to: [82, ON_FLOOR], bend: -1 } },
  });
  const torso = parts(f).torso;
  const centre = against(torso, 0.72, ROLLER, -1);
  return draw(floor(), roller(centre), f, area(torso, 0.55, 0.92, -1), along(torso, 0.4, 1, 12));
}

function latsRoller(): Picture {
  // Lying on the right side, seen from the front: head to the left, the lower arm stretched overhead.
  const f = figure({
    hip: [56, 52.5],
    torso: 182,
    head: 190,
    facing: 1,
    far: { arm: { to: [6, HAND_ON_FLOOR], bend: 1 }, leg: { to: [88, ON_FLOOR], bend: 1, end: -80 } },
    near: { arm: { angles: [20, -10] }, leg: { to: [88, ON_FLOOR - 4], bend: 1, end: -80 } },
  });
  const torso = parts(f).torso;
  return draw(floor(), roller(against(torso, 0.82, ROLLER, -1)), f, area(torso, 0.55, 0.95, -1), along(torso, 0.4, 0.95, 12));
}

function glutesRoller(): Picture {
  // Sitting on the roller, hands behind, the right ankle crossed over the left knee.
  const centre: Pt = [34, FLOOR - ROLLER];
  const f = figure({
    hip: [36, FLOOR - 2 * ROLLER - 4.5],
    torso: -112,
    facing: 1,
    far: { arm: { to: [16, HAND_ON_FLOOR], bend: 1 }, leg: { to: [55, ON_FLOOR], bend: -1 } },
    near: { arm: { to: [18, HAND_ON_FLOOR], bend: 1 }, leg: { to: [51, 43], bend: -1, near: 0.75, end: -20 } },
  });
  const torso = parts(f).torso;
  return draw(floor(), roller(centre), f, area(torso, -0.12, 0.14, -1), along(torso, 0.05, 0.6, -12));
}

function itBandRoller(): Picture {
  // Lying on the right side on the forearm, the roller under the outer thigh, the top foot planted in front.
  const f = figure({
    hip: [44, 49],
    torso: 192,
    head: 200,
    facing: 1,
    far: { arm: { angles: [40, -20] }, leg: { to: [62, ON_FLOOR], bend: -1, end: 0 } },
    near: { arm: { angles: [90, 180] }, leg: { angles: [10, 4], end: -70 } },
  });
  const thigh = parts(f).nearThigh;
  return draw(floor(), roller(against(thigh, 0.55, ROLLER, 1)), f, area(thigh, 0.15, 0.9), along(thigh, 0.1, 0.95, -9));
}

function quadsRoller(): Picture {
  // Face down on the forearms, the roller under both thighs.
  const f = figure({
    hip: [42, 49],
    torso: 190,
    head: 200,
    facing: -1,
    far: { arm: { to: [14, HAND_ON_FLOOR], bend: -1 }, leg: { angles: [8, 4], end: 60 } },
    near: { arm: { to: [12, HAND_ON_FLOOR], bend: -1 }, leg: { angles: [10, 4], end: 60 } },
  });
  const thigh = parts(f).nearThigh;
  return draw(floor(), roller(against(thigh, 0.55, ROLLER, 1)), f, area(thigh, 0.1, 0.9), along(thigh, 0.1, 0.95, -9));
}

function hamstringsRoller(): Picture {
  // Sitting, hands behind, the roller under both thighs.
  const f = figure({
    hip: [36, 52],
    torso: -100,
    facing: 1,
    far: { arm: { to: [22, HAND_ON_FLOOR], bend: 1 }, leg: { angles: [2, 6] } },
    near: { arm: { to: [24, HAND_ON_FLOOR], bend: 1 }, leg: { angles: [3, 6] } },
  });
  const thigh = parts(f).nearThigh;
  return draw(floor(), roller(against(thigh, 0.6, ROLLER, 1)), f, area(thigh, 0.2, 0.95), along(thigh, 0.15, 1, -9));
}

function adductorsRoller(): Picture {
  // Seen from above, face down with the head to the left: the right knee bent out to the side (up here)
  // over a roller that lies along the body.
  const f = figure({
    hip: [54, 40],
    torso: 180,
    facing: -1,
    wide: true,
    far: { arm: { angles: [110, 180] }, leg: { angles: [2, 0], end: 0 } },
    near: { arm: { angles: [-110, 180] }, leg: { angles: [-60, 30], end: 30 } },
  });
  const thigh = parts(f).nearThigh;
  const a = between(thigh[0], thigh[1], 0.85);
  return draw(
    [['l', 'accent', 2 * ROLLER, a[0] - 12, a[1] + 1, a[0] + 12, a[1] + 1] as Shape],
    f,
    area(thigh, 0.35, 0.95),
    along(thigh, 0.3, 1.05, -9),
  );
}

function hipFlexorsRoller(): Picture {
  // Face down on the forearms, head to the right, the roller under the front of the right hip.
  const f = figure({
    hip: [44, 52],
    torso: -8,
    head: -20,
    facing: 1,
    far: { arm: { to: [72, HAND_ON_FLOOR], bend: 1 }, leg: { angles: [170, 176], end: 100 } },
    near: { arm: { to: [74, HAND_ON_FLOOR], bend: 1 }, leg: { angles: [172, 178], end: 100 } },
  });
  const torso = parts(f).torso;
  return draw(
    floor(),
    roller(against(torso, 0.05, ROLLER, 1)),
    f,
    area(parts(f).nearThigh, -0.1, 0.3),
    along(torso, -0.3, 0.35, -10),
  );
}

function calvesRoller(): Picture {
  // Sitting, hands behind, hips lifted; the right calf on the roller, the left leg crossed on top.
  const f = figure({
    hip: [30, 50],
    torso: -115,
    facing: 1,
    far: { arm: { to: [17, HAND_ON_FLOOR], bend: 1 }, leg: { angles: [-4, 6] } },
    near: { arm: { to: [19, HAND_ON_FLOOR], bend: 1 }, leg: { angles: [10, 10] } },
  });
  const shin = parts(f).nearShin;
  return draw(floor(), roller(against(shin, 0.5, ROLLER, 1)), f, area(shin, 0.15, 0.85), along(shin, 0.05, 0.95, -14));
}

function shinsRoller(): Picture {
  // On hands and knees, head to the right, the shins on the roller (the right one nearest).
  const f = figure({
    hip: [40, 36.2],
    torso: 16,
    head: 0,
    facing: 1,
    far: { arm: { to: [60, HAND_ON_FLOOR], bend: -1 }, leg: { angles: [93, 179], end: 185 } },
    near: { arm: { to: [62, HAND_ON_FLOOR], bend: -1 }, leg: { angles: [90, 180], end: 185 } },
  });
  const shin = parts(f).nearShin;
  return draw(floor(), roller(against(shin, 0.5, ROLLER, -1)), f, area(shin, 0.1, 0.9), along(shin, 0.05, 0.95, 9));
}

// --- Seated on a chair --------------------------------------------------------------------------------------

const SEAT = 47;
/** Sitting upright on a chair (the chair's back to the left), feet on the floor. */
function seated(changes: Partial<Parameters<typeof figure>[0]> = {}): Figure {
  return figure({
    hip: [26, SEAT - 3.5],
    torso: -92,
    facing: 1,
    far: { arm: { angles: [80, 10] }, leg: { angles: [-2, 92] } },
    near: { arm: { angles: [75, 5] }, leg: { angles: [0, 90] } },
    ...changes,
  });
}
const seat = () => chair(20, 36, SEAT);

function quadsBall(): Picture {
  const spot = against(parts(seated()).nearThigh, 0.6, BALL, -1);
  const palm: Pt = [spot[0], spot[1] - BALL - 1.5];
  const f = seated({
    torso: -84,
    near: { arm: { to: palm, bend: 1 }, leg: { angles: [0, 90] } },
    far: { arm: { to: palm, bend: 1 }, leg: { angles: [-2, 92] } },
  });
  const thigh = parts(f).nearThigh;
  return draw(floor(), seat(), f, ball(spot), area(thigh, 0.2, 0.95, -1), pastKnee(thigh));
}

function quadsGun(): Picture {
  const thighMid: Pt = [36, SEAT - 7.4];
  const g = gun(thighMid, -90, 90);
  const f = seated({ near: { arm: { to: g.grip, bend: 1 }, leg: { angles: [0, 90] } } });
  const thigh = parts(f).nearThigh;
  return draw(floor(), seat(), f, area(thigh, 0.2, 0.95, -1), g.shapes, pastKnee(thigh));
}

function hamstringsBall(): Picture {
  const f = seated({ near: { arm: { angles: [75, 5] }, leg: { angles: [-8, 100] } } });
  const thigh = parts(f).nearThigh;
  return draw(floor(), seat(), ball(against(thigh, 0.75, BALL, 1)), f, area(thigh, 0.3, 0.95, 1), pastKnee(thigh));
}

function hamstringsGun(): Picture {
  // Standing, the right heel up on a chair in front, the leg nearly straight.
  const f = figure({
    hip: [28, 35],
    torso: -84,
    facing: 1,
    far: { arm: { angles: [95, 80] }, leg: { angles: [92, 90] } },
    near: { arm: { to: [44, 49], bend: -1 }, leg: { to: [57, 46], bend: 1 } },
  });
  const thigh = parts(f).nearThigh;
  const g = gun(against(thigh, 0.6, 2.7, 1), 100, -90);
  return draw(floor(), chair(56, 72, 50, false), f, area(thigh, 0.25, 0.95, 1), g.shapes, along(thigh, 0.2, 0.95, -9));
}

function adductorsSeated(tool: 'ball' | 'gun'): Picture {
  // Seen from the front, sitting, the right knee (on the viewer's left) dropped out to the side.
  const f = figure({
    hip: [50, SEAT - 4],
    torso: -90,
    facing: 1,
    wide: true,
    far: { arm: { to: [36, SEAT - 9], bend: 1 }, leg: { angles: [155, 92], end: 150 } },
    near: { arm: { angles: [100, 85] }, leg: { angles: [80, 90], near: 0.35, end: 30 } },
  });
  const thigh = parts(f).farThigh;
  const spot = against(thigh, 0.55, tool === 'ball' ? BALL : 2.7, 1);
  const item = tool === 'ball' ? [ball(spot)] : gun(spot, -60, -90).shapes;
  return draw(floor(), chair(40, 62, SEAT + 1, false), f, area(thigh, 0.2, 0.85, 1), item, along(thigh, 0.15, 0.9, -10));
}

function calvesBall(): Picture {
  const f = seated({
    near: { arm: { angles: [70, 10] }, leg: { angles: [-6, 6] } },
    far: { arm: { angles: [80, 10] }, leg: { angles: [4, 115] } },
  });
  const shin = parts(f).nearShin;
  const spot = against(shin, 0.6, BALL, 1);
  return draw(
    floor(),
    seat(),
    chair(spot[0] - 7, spot[0] + 9, spot[1] + BALL + 1.5, false),
    ball(spot),
    f,
    area(shin, 0.15, 0.85, 1),
    along(shin, 0.1, 0.9, -10),
  );
}

function calvesGun(): Picture {
  const f = seated({ near: { arm: { to: [52, 50], bend: -1 }, leg: { angles: [-5, 8] } } });
  const shin = parts(f).nearShin;
  const g = gun(against(shin, 0.45, 2.7, 1), 90, 90);
  return draw(floor(), seat(), chair(50, 64, 45, false), f, area(shin, 0.15, 0.85, 1), g.shapes, along(shin, 0.1, 0.9, -10));
}

function shinsBall(): Picture {
  const f = seated({ torso: -70, near: { arm: { to: [44, 55], bend: -1 }, leg: { angles: [-10, 80] } } });
  const shin = parts(f).nearShin;
  return draw(floor(), seat(), f, ball(against(shin, 0.45, BALL, -1)), area(shin, 0.15, 0.85, -1), along(shin, 0.1, 0.9, -13));
}

function feetTool(tool: 'roller' | 'ball'): Picture {
  const radius = tool === 'roller' ? ROLLER : BALL;
  const f = seated({ near: { arm: { angles: [75, 5] }, leg: { to: [48, FLOOR - 2 * radius - 4.5], bend: -1, end: 0 } } });
  const foot = parts(f).nearFoot;
  const centre: Pt = [48, FLOOR - radius];
  return draw(
    floor(),
    seat(),
    tool === 'roller' ? roller(centre) : [ball(centre)],
    f,
    area(foot, -0.2, 1.1),
    arrow([40, FLOOR - 2 * radius - 11], [56, FLOOR - 2 * radius - 11]),
  );
}

function itBandGun(): Picture {
  const thigh = [[26, SEAT - 3.5], [41, SEAT - 3.5], LEG_WIDTH] as Stretch;
  const g = gun(between(thigh[0], thigh[1], 0.55), -90, 90);
  const f = seated({ near: { arm: { to: g.grip, bend: 1 }, leg: { angles: [0, 90] } } });
  return draw(floor(), seat(), f, area(parts(f).nearThigh, 0.15, 0.9), g.shapes, pastKnee(parts(f).nearThigh));
}

function latsGun(): Picture {
  const torso = parts(seated()).torso;
  const g = gun(between(torso[0], torso[1], 0.62), -10, 90);
  const f = seated({
    near: { arm: { angles: [-80, 200] }, leg: { angles: [0, 90] } },
    far: { arm: { to: g.grip, bend: 1 }, leg: { angles: [-2, 92] } },
  });
  return draw(floor(), seat(), f, area(torso, 0.4, 0.85), g.shapes, along(torso, 0.35, 0.9, -9));
}

function chestGun(): Picture {
  const f = seated();
  const torso = parts(f).torso;
  const spot = against(torso, 0.78, 2.7, 1);
  const g = gun(spot, 0, 90);
  const arm = seated({ far: { arm: { to: g.grip, bend: 1 }, leg: { angles: [-2, 92] } } });
  return draw(floor(), seat(), g.shapes, arm, area(torso, 0.62, 0.92, 1), along(torso, 0.55, 0.95, 13));
}

function upperTrapsGun(): Picture {
  // The left hand reaches over to hold the gun on top of the right shoulder.
  const f = seated();
  const top: Pt = [f.neck[0] - 3.5, f.neck[1] - 1];
  const g = gun(top, -135, 90);
  const arm = seated({ far: { arm: { to: g.grip, bend: 1 }, leg: { angles: [-2, 92] } } });
  return draw(
    floor(),
    seat(),
    arm,
    area(parts(f).torso, 0.85, 1.05, -1),
    g.shapes,
    arrow([top[0] - 4, top[1] + 13], [top[0] - 13, top[1] + 4]),
  );
}

// --- Standing -------------------------------------------------------------------------------------------------

/** Standing with the knees a little bent (the cues roll the ball by bending them). */
function standing(hipX: number, changes: Partial<Parameters<typeof figure>[0]> = {}): Figure {
  return figure({
    hip: [hipX, 34],
    torso: -90,
    facing: 1,
    far: { arm: { angles: [95, 80] }, leg: { to: [hipX + 1, ON_FLOOR], bend: -1 } },
    near: { arm: { angles: [85, 75] }, leg: { to: [hipX + 2, ON_FLOOR], bend: -1 } },
    ...changes,
  });
}

function backToWall(height: number, spot: 'back' | 'glute'): Picture {
  const x = 22;
  const f = standing(x + BALL * 2 + 6.5, { hip: [x + BALL * 2 + 6, 35], torso: -92 });
  const torso = parts(f).torso;
  const centre: Pt = [x + BALL + 0.9, height];
  const move =
    spot === 'glute' ? circling([centre[0] - 1, centre[1]], 7) : arrow([f.hip[0] + 15, height - 7], [f.hip[0] + 15, height + 7]);
  const mark =
    spot === 'glute' ? area(torso, -0.15, 0.15, -1) : height < 20 ? area(torso, 0.8, 1.02, -1) : area(torso, 0.5, 0.8, -1);
  return draw(floor(), wall(x), ball(centre), f, mark, move);
}

function sideToWall(part: 'lats' | 'thigh'): Picture {
  // Seen from the front: the right side (on the viewer's left) leaning on the wall.
  const x = 26;
  const f = figure({
    hip: [x + BALL * 2 + 8, part === 'lats' ? 38 : 35],
    torso: -94,
    facing: 1,
    wide: true,
    far: {
      arm: part === 'lats' ? { angles: [-150, -80] } : { angles: [95, 85] },
      leg: { to: [x + 13, ON_FLOOR], bend: 1, end: 180 },
    },
    near: { arm: { angles: [80, 90] }, leg: { to: [x + 24, ON_FLOOR], bend: -1, end: 0 } },
  });
  const torso = parts(f).torso;
  if (part === 'lats') {
    const centre: Pt = [x + BALL + 0.9, between(torso[0], torso[1], 0.68)[1]];
    return draw(
      floor(),
      wall(x),
      ball(centre),
      f,
      area(torso, 0.55, 0.92, -1),
      arrow([f.hip[0] + 17, centre[1] - 8], [f.hip[0] + 17, centre[1] + 8]),
    );
  }
  const thigh = parts(f).farThigh;
  const centre = against(thigh, 0.55, BALL, -1);
  return draw(
    floor(),
    wall(x),
    ball([x + BALL + 0.9, centre[1]]),
    f,
    area(thigh, 0.15, 0.9, -1),
    arrow([f.hip[0] + 17, centre[1] - 8], [f.hip[0] + 17, centre[1] + 8]),
  );
}

function faceToWall(height: 'hip' | 'chest'): Picture {
  const x = 66;
  const f = standing(x - BALL * 2 - 10, {
    torso: -86,
    far: { arm: { angles: [60, 20] }, leg: { to: [x - 21, ON_FLOOR], bend: -1 } },
    near:
      height === 'chest'
        ? { arm: { to: [x - 2, 16], bend: 1 }, leg: { to: [x - 19, ON_FLOOR], bend: -1 } }
        : { arm: { angles: [110, 90] }, leg: { to: [x - 19, ON_FLOOR], bend: -1 } },
  });
  const torso = parts(f).torso;
  const t = height === 'chest' ? 0.78 : 0.02;
  const y = between(torso[0], torso[1], t)[1];
  return draw(
    floor(),
    wall(x),
    circling([x - BALL - 0.9, y], 8),
    ball([x - BALL - 0.9, y]),
    f,
    area(torso, t - 0.15, t + 0.15, 1),
  );
}

function glutesGun(): Picture {
  // Standing on the left leg, the gun on the right buttock.
  const f0 = standing(44, { hip: [44, 32] });
  const spot = against(parts(f0).torso, 0.02, 2.7, -1);
  const g = gun(spot, 180, -90);
  const f = standing(44, {
    hip: [44, 32],
    near: { arm: { to: g.grip, bend: 1 }, leg: { angles: [96, 100], end: 30 } },
    far: { arm: { angles: [70, 40] }, leg: { to: [45, ON_FLOOR], bend: -1 } },
  });
  return draw(
    floor(),
    f,
    area(parts(f).torso, -0.15, 0.18, -1),
    g.shapes,
    arrow([spot[0] - 16, spot[1] - 9], [spot[0] - 16, spot[1] + 9]),
  );
}

// --- At the desk ------------------------------------------------------------------------------------------------

function forearms(tool: Tool): Picture {
  const top = 42;
  const f = seated({
    hip: [22, SEAT - 3.5],
    far: { arm: { angles: [70, -10] }, leg: { angles: [-2, 92] } },
    near: {
      arm: { to: [56, top - 1.3 - (tool === 'gun' ? 2.3 : tool === 'roller' ? 2 * ROLLER + 3 : 2 * BALL + 3)], bend: 1 },
      leg: { angles: [0, 90] },
    },
  });
  const forearm = parts(f).nearForearm;
  const under =
    tool === 'roller' ? roller(against(forearm, 0.5, ROLLER, 1)) : tool === 'ball' ? [ball(against(forearm, 0.5, BALL, 1))] : [];
  const held = tool === 'gun' ? gun(against(forearm, 0.5, 2.7, -1), -90, -90) : null;
  const g = held
    ? seated({ hip: [22, SEAT - 3.5], far: { arm: { to: held.grip, bend: 1 }, leg: { angles: [-2, 92] } } }).shapes.slice(0, 2)
    : [];
  return draw(
    floor(),
    chair(16, 32, SEAT),
    desk(40, 92, top),
    under,
    f,
    area(forearm, 0.15, 0.9),
    g,
    held?.shapes ?? [],
    along(forearm, 0.1, 0.95, held ? 7 : -10),
  );
}

/** Every technique's picture, keyed like the catalogue: `PICTURES['upper-back'].ball`. */
export const PICTURES: { [A in AreaId]: { [T in ToolFor<A>]: Picture } } = {
  'upper-back': { roller: upperBackRoller(), ball: backToWall(24, 'back') },
  lats: { roller: latsRoller(), ball: sideToWall('lats'), gun: latsGun() },
  glutes: { roller: glutesRoller(), ball: backToWall(32, 'glute'), gun: glutesGun() },
  'it-band': { roller: itBandRoller(), ball: sideToWall('thigh'), gun: itBandGun() },
  quads: { roller: quadsRoller(), ball: quadsBall(), gun: quadsGun() },
  hamstrings: { roller: hamstringsRoller(), ball: hamstringsBall(), gun: hamstringsGun() },
  adductors: { roller: adductorsRoller(), ball: adductorsSeated('ball'), gun: adductorsSeated('gun') },
  'hip-flexors': { roller: hipFlexorsRoller(), ball: faceToWall('hip') },
  calves: { roller: calvesRoller(), ball: calvesBall(), gun: calvesGun() },
  shins: { roller: shinsRoller(), ball: shinsBall() },
  feet: { roller: feetTool('roller'), ball: feetTool('ball') },
  forearms: { roller: forearms('roller'), ball: forearms('ball'), gun: forearms('gun') },
  chest: { ball: faceToWall('chest'), gun: chestGun() },
  'upper-traps': { ball: backToWall(17.5, 'back'), gun: upperTrapsGun() },
};

/** The picture of a technique, or undefined for a pair the catalogue lacks. */
export function pictureFor(area: AreaId, tool: Tool): Picture | undefined {
  const byTool = PICTURES[area] as Partial<Record<Tool, Picture>>;
  return Object.hasOwn(byTool, tool) ? byTool[tool] : undefined;
}
