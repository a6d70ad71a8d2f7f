import type { Answer, Request } from '../../messaging/protocol';
import type { CheckInEntry } from '../../log/entry';
import { FEELS } from '../../log/entry';
import { checkInAreasOf } from '../../session/check-in';
import { sessionItem } from '../../storage/items';
import { openLog } from '../../log/db';
import { addCheckIn } from '../../log/store';
import { dispatch } from '../session-service';
import { addCheckInQueued } from '../log-outbox';
import { requestSync } from '../sync-service';
import { logFailure } from '../log-failure';
import { serial } from '../serial';

// The outbox and the log are read and written in turn, so two answers can't interleave.
const queue = serial();

/**
 * The done screen's check-in: answers (one per area, for areas the break rolled) or null for Skip. Accepted
 * from the timer over a page too (a person's press), but only while the break that just ended asks for it,
 * and only for its own areas: a page's script can do no more than answer for the person, once.
 */
export async function answerCheckIn({ answers }: Request<'checkIn'>): Promise<Answer<'checkIn'>> {
  const session = await sessionItem.getValue();
  if (session.status === 'idle' || (session.status !== 'finished' && session.status !== 'ended') || session.checkIn !== 'ask') {
    throw new Error('Rollbreak: no break is waiting for its check-in.');
  }
  const asked = checkInAreasOf(session);
  const list = answers === null ? [] : cleanAnswers(answers, asked);
  if (answers !== null && list === null) throw new Error('Rollbreak: the check-in names an area this break did not roll.');
  const stored = list && list.length > 0 ? await queue(() => store(session.id, list)) : false;
  const state = await dispatch({ type: 'checkIn', answered: stored });
  return { state };
}

/** Answers checked against the areas asked about: known feelings, one per area; null when one is out of place. */
function cleanAnswers(answers: unknown[], asked: readonly string[]): CheckInEntry[] | null {
  const out: CheckInEntry[] = [];
  for (const a of answers) {
    if (typeof a !== 'object' || a === null) return null;
    const { area, feel } = a as Record<string, unknown>;
    if (typeof area !== 'string' || !asked.includes(area) || out.some((c) => c.area === area)) return null;
    if (!(FEELS as readonly unknown[]).includes(feel)) return null;
    out.push({ area: area as CheckInEntry['area'], feel: feel as CheckInEntry['feel'] });
  }
  return out;
}

async function store(id: string, checkIn: CheckInEntry[]): Promise<boolean> {
  if (await addCheckInQueued(id, checkIn)) return true;
  const db = await openLog();
  try {
    const added = await addCheckIn(db, id, checkIn);
    if (added) requestSync().catch(logFailure('sync after a check-in'));
    return added;
  } finally {
    db.close();
  }
}
