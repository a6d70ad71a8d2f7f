import { useEffect, useState } from 'preact/hooks';
import type { BreakEntry } from '../lib/log/entry';
import { listBreaks, openLog } from '../lib/log/db';
import { areaMessageKey } from '../lib/routines/areas';
import { formatClock, t } from '../lib/i18n';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The break log, newest first. */
export function HistoryApp() {
  const [entries, setEntries] = useState<BreakEntry[] | null>(null);
  const [error, setError] = useState(false);
  useEffect(() => {
    openLog()
      .then(async (db) => {
        setEntries(await listBreaks(db, 200));
        db.close();
      })
      .catch(() => setError(true));
  }, []);

  return (
    <main class="rb-root rb-page">
      <h1>{t('historyTitle')}</h1>
      {error ? <p role="alert">{t('historyError')}</p> : null}
      {entries && entries.length === 0 ? <p>{t('historyEmpty')}</p> : null}
      {entries && entries.length > 0 ? (
        <table>
          <caption class="rb-sr">{t('historyTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colWhen')}</th>
              <th scope="col">{t('colRolled')}</th>
              <th scope="col">{t('colAreas')}</th>
              <th scope="col">{t('colKnots')}</th>
              <th scope="col">{t('colOutcome')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{dateFormat.format(e.startedAt)}</td>
                <td>{formatClock(e.activeSeconds * 1000)}</td>
                <td>{[...new Set(e.steps.map((s) => t(areaMessageKey(s.area))))].join(', ')}</td>
                <td>{e.holdCount}</td>
                <td>{e.completed ? t('outcomeDone') : t('outcomeEnded')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </main>
  );
}
