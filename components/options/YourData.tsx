import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { openLog } from '../../lib/log/db';
import { send } from '../../lib/messaging/send';
import { failedText } from '../../lib/messaging/request-problem';
import { syncChoiceItem } from '../../lib/storage/items';
import type { MessageKey } from '../../lib/i18n';
import { formatNumber, t } from '../../lib/i18n';
import './your-data.css';

/** The Data and privacy text, in order: the same words as the README's "Data and privacy" section. */
export const PRIVACY_KEYS = [
  'privacy_where',
  'privacy_sync',
  'privacy_long',
  'privacy_export',
  'privacy_delete',
  'privacy_sync_off',
] as const satisfies readonly MessageKey[];

type Status = { text: string; error?: boolean } | null;

async function countBreaks(): Promise<number> {
  const db = await openLog();
  try {
    return await db.count('breaks');
  } finally {
    db.close();
  }
}

/**
 * Settings → Your data: this browser's sync choice (with an offer to take its breaks out of the browser
 * account when it is turned off), what Rollbreak keeps and where, and "Delete all my data" after a
 * confirmation that names what goes. The background does the removing (data:unsync, data:deleteAll).
 */
export function YourData() {
  const [syncOn, setSyncOn] = useState<boolean | null>(null);
  const [offer, setOffer] = useState(false);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void send({ type: 'data:sync' }).then(
      ({ on }) => setSyncOn(on),
      (err: unknown) => setStatus({ text: failedText('actionFailed', err), error: true }),
    );
    return syncChoiceItem.watch((value) => {
      if (typeof value === 'boolean') setSyncOn(value);
    });
  }, []);
  useEffect(() => {
    if (confirming !== null) confirmRef.current?.focus();
  }, [confirming]);

  const toggle = async (on: boolean) => {
    setSyncOn(on);
    setOffer(!on);
    setStatus(null);
    try {
      await send({ type: 'data:sync', on });
    } catch (err) {
      // The box goes back to what is stored, and says why.
      setSyncOn(!on);
      setOffer(false);
      setStatus({ text: failedText('settingSaveFailed', err), error: true });
    }
  };

  const unsync = async () => {
    setBusy(true);
    try {
      await send({ type: 'data:unsync' });
      setStatus({ text: t('data_unsync_done') });
      setOffer(false);
    } catch (err) {
      setStatus({ text: failedText('data_unsync_failed', err), error: true });
    } finally {
      setBusy(false);
    }
  };

  const askDelete = async () => {
    setStatus(null);
    setConfirming(await countBreaks().catch(() => 0));
  };

  const deleteAll = async () => {
    setBusy(true);
    setStatus({ text: t('data_delete_busy') });
    try {
      await send({ type: 'data:deleteAll' });
      // The popup's copy of the last choice lives in this extension's localStorage.
      localStorage.clear();
      setConfirming(null);
      setOffer(false);
      setSyncOn(false);
      setStatus({ text: t('data_delete_done') });
      deleteRef.current?.focus();
    } catch (err) {
      setStatus({ text: failedText('data_delete_failed', err), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="rb-data-section" aria-labelledby="rb-your-data">
      <h2 id="rb-your-data">{t('data_title')}</h2>
      <label>
        <input
          type="checkbox"
          checked={syncOn ?? false}
          disabled={syncOn === null}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />
        {t('syncEnabled')}
      </label>
      <p class="rb-data-help">{t('data_sync_help')}</p>
      {offer ? <UnsyncOffer busy={busy} onRemove={() => void unsync()} onKeep={() => setOffer(false)} /> : null}

      <details class="rb-privacy">
        <summary>{t('privacy_title')}</summary>
        {PRIVACY_KEYS.map((key) => (
          <p key={key}>{t(key)}</p>
        ))}
      </details>

      <h3>{t('data_delete_title')}</h3>
      {confirming === null ? (
        <button type="button" class="rb-danger" ref={deleteRef} disabled={busy} onClick={() => void askDelete()}>
          {t('data_delete_button')}
        </button>
      ) : (
        <DeleteConfirm
          breaks={confirming}
          busy={busy}
          boxRef={confirmRef}
          onConfirm={() => void deleteAll()}
          onCancel={() => setConfirming(null)}
        />
      )}
      <p role="status" class={`rb-status${status?.error ? ' rb-status--error' : ''}`}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}

/** After sync is turned off here: remove this browser's records from the account, or leave them. */
function UnsyncOffer({ busy, onRemove, onKeep }: { busy: boolean; onRemove(): void; onKeep(): void }) {
  return (
    <div class="rb-data-box" role="group" aria-label={t('data_unsync_remove')}>
      <p>{t('data_unsync_offer')}</p>
      <div class="rb-row rb-row--start">
        <button type="button" disabled={busy} onClick={onRemove}>
          {t('data_unsync_remove')}
        </button>
        <button type="button" disabled={busy} onClick={onKeep}>
          {t('data_unsync_keep')}
        </button>
      </div>
    </div>
  );
}

interface DeleteConfirmProps {
  /** How many breaks the log holds, named in the list of what goes. */
  breaks: number;
  busy: boolean;
  boxRef: Ref<HTMLDivElement>;
  onConfirm(): void;
  onCancel(): void;
}

/** "Delete all my data": what will go, named, before anything goes. */
function DeleteConfirm({ breaks, busy, boxRef, onConfirm, onCancel }: DeleteConfirmProps) {
  return (
    <div class="rb-data-box rb-data-box--danger" role="group" aria-labelledby="rb-delete-intro" tabIndex={-1} ref={boxRef}>
      <p id="rb-delete-intro">{t('data_delete_intro')}</p>
      <ul>
        <li>{breaks === 1 ? t('data_delete_log_one') : t('data_delete_log', formatNumber(breaks))}</li>
        <li>{t('data_delete_records')}</li>
        <li>{t('data_delete_settings')}</li>
        <li>{t('data_delete_local')}</li>
      </ul>
      <p>{t('data_delete_keeps')}</p>
      <div class="rb-row rb-row--start">
        <button type="button" class="rb-danger" disabled={busy} onClick={onConfirm}>
          {t('data_delete_confirm')}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>
          {t('data_delete_cancel')}
        </button>
      </div>
    </div>
  );
}
