import type { Answer, Request } from '../../messaging/protocol';
import type { CheckInEntry } from '../../log/entry';
import { FEELS } from '../../log/entry';
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
 * The done screen's check-in: the answers so far (one per area, for areas the break rolled), sent on every
 * tap, or null for Skip. They are kept with the break at once, so closing the done screen loses nothing;
 * once every area is answered the check-in is done. Accepted from the timer over a page too (a person's
 * press), but only while the break that just ended asks for it, and only for its own areas: a page's
 * script can do no more than answer for the person, while the done screen asks.
 */
export async function answerCheckIn({ answers }: Request<'checkIn'>): Promise<Answer<'checkIn'>> {
  const session = await sessionItem.getValue();
  if (session.status === 'idle' || (session.status !== 'finished' && session.status !== 'ended') || session.checkIn !== 'ask') {
    throw new Error('Rollbreak: no break is waiting for its check-in.');
  }
  const asked = session.checkInAreas ?? [];
  const list = answers === null ? [] : cleanAnswers(answers, asked);
  if (answers !== null && list === null) throw new Error('Rollbreak: the check-in names an area this break did not roll.');
  const stored = list && list.length > 0 ? await queue(() => store(session.id, list)) : false;
  // Not every area answered yet: the done screen keeps asking (what is answered is already kept).
  if (answers !== null && !(stored && list!.length === asked.length)) return { state: session };
  return { state: await dispatch({ type: 'checkIn', answered: answers !== null }) };
}

/**
 * Answers checked against the areas asked about, in the order they were rolled: known feelings only;
 * null when one names another area or an unknown feeling.
 */
function cleanAnswers(answers: Record<string, unknown>, asked: readonly CheckInEntry['area'][]): CheckInEntry[] | null {
  if (Object.keys(answers).some((area) => !(asked as readonly string[]).includes(area))) return null;
  const out: CheckInEntry[] = [];
  for (const area of asked) {
    if (!Object.hasOwn(answers, area)) continue;
    const feel = answers[area];
    if (!(FEELS as readonly unknown[]).includes(feel)) return null;
    out.push({ area, feel: feel as CheckInEntry['feel'] });
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
