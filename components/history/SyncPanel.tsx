import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/send';
import { failedText } from '../../lib/messaging/request-problem';
import { syncStatusItem, type StoredSyncStatus } from '../../lib/storage/items';
import { SYNC_QUOTA } from '../../lib/sync/layout';
import { formatNumber, t } from '../../lib/i18n';
import { formatKilobytes } from '../../lib/i18n/format';
import { tp } from '../../lib/i18n/plural';
import { formatTime } from './format';
import { uiLanguage } from '../../lib/i18n';

/** "3 March": when a browser last synced. */
const formatDate = (ms: number): string =>
  new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'long', year: 'numeric' }).format(ms);

function problem(status: StoredSyncStatus): string | null {
  const when = status.retryAt === undefined ? '' : formatTime(status.retryAt);
  switch (status.error) {
    case 'off':
      return t('sync_off');
    case 'quota':
      return t('sync_error_quota', when);
    case 'rate':
      return t('sync_error_rate', when);
    case 'failed':
      return t('sync_error_failed', when);
    default:
      return null;
  }
}

/** The last sync round as the background stored it: when, how much, and any trouble in plain words. */
export function SyncPanel() {
  const [status, setStatus] = useState<StoredSyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    void syncStatusItem.getValue().then(setStatus);
    return syncStatusItem.watch(setStatus);
  }, []);

  const syncNow = async () => {
    setBusy(true);
    setFailed(null);
    try {
      setStatus(await send({ type: 'sync:now' }));
    } catch (err) {
      setFailed(failedText('actionFailed', err));
    } finally {
      setBusy(false);
    }
  };

  const off = status?.error === 'off';
  const trouble = status ? problem(status) : null;
  const used = status?.bytesUsed ?? 0;
  return (
    <section class="rb-card rb-sync" aria-labelledby="rb-sync-title">
      <div class="rb-card__head">
        <h2 id="rb-sync-title">{t('sync_title')}</h2>
        {off ? null : (
          <button type="button" onClick={() => void syncNow()} disabled={busy}>
            {busy ? t('sync_busy') : t('sync_now')}
          </button>
        )}
      </div>
      {trouble ? <p class={off ? 'rb-muted' : 'rb-message rb-message--error'}>{trouble}</p> : null}
      {failed ? <p class="rb-message rb-message--error">{failed}</p> : null}
      {off ? null : (
        <dl class="rb-facts">
          <div>
            <dt>{t('sync_last')}</dt>
            <dd>{status?.lastSyncAt ? formatTime(status.lastSyncAt) : t('sync_never')}</dd>
          </div>
          <div>
            <dt>{t('sync_breaks')}</dt>
            <dd>{formatNumber(status?.breaksSynced ?? 0)}</dd>
          </div>
          <div class="rb-facts__wide">
            <dt>{t('sync_used')}</dt>
            <dd>
              {t('sync_used_value', [formatKilobytes(used), formatKilobytes(SYNC_QUOTA.QUOTA_BYTES)])}
              <span class={`rb-usage${used > SYNC_QUOTA.QUOTA_BYTES * 0.85 ? ' rb-usage--high' : ''}`} aria-hidden="true">
                <span style={{ width: `${Math.min(100, (used / SYNC_QUOTA.QUOTA_BYTES) * 100)}%` }} />
              </span>
            </dd>
          </div>
        </dl>
      )}
      {!off && status && status.folded > 0 ? (
        <p class="rb-muted rb-small-text">{tp('sync_folded', status.folded, formatNumber(status.folded))}</p>
      ) : null}
      {!off && status?.reclaimed?.length ? (
        <p class="rb-muted rb-small-text">
          {status.reclaimed
            .map((r) => (r.inactive ? t('sync_reclaimed_inactive', formatDate(r.lastActive)) : t('sync_reclaimed_share')))
            .join(' ')}
        </p>
      ) : null}
      {status?.unreadable ? (
        <p class="rb-message rb-message--warn">{tp('sync_unreadable', status.unreadable, formatNumber(status.unreadable))}</p>
      ) : null}
    </section>
  );
}
