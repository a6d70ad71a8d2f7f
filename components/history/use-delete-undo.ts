import { useState } from 'preact/hooks';
import type { Ref } from 'preact';
import type { BreakEntry } from '../../lib/log/entry';
import { send } from '../../lib/messaging/send';
import { failedText } from '../../lib/messaging/request-problem';
import { t } from '../../lib/i18n';
import { describeImportProblem } from '../../lib/log/import-problem';
import type { LogState } from './use-log';
import type { Notice } from './UndoToast';

/** Deleting a break through the background, with Undo; the notice the page shows for either. */
export function useDeleteUndo(log: LogState, recentRef: Ref<HTMLElement>) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const failed = (text: string): Notice => ({ kind: 'text', text, error: true });

  const remove = async (entry: BreakEntry) => {
    setBusyId(entry.id);
    try {
      const { ok } = await send({ type: 'log:delete', id: entry.id });
      if (ok) {
        log.removed(entry.id);
        setNotice({ kind: 'deleted', entry });
      } else {
        await log.reload();
        setNotice(failed(t('history_delete_failed')));
      }
    } catch (err) {
      setNotice(failed(failedText('history_delete_error', err)));
    } finally {
      setBusyId(null);
    }
  };

  const undo = async (entry: BreakEntry) => {
    try {
      const answer = await send({ type: 'log:undo', entry });
      if (answer.ok) {
        log.restored(answer.entry);
        setNotice({ kind: 'text', text: t('history_restored') });
      } else {
        setNotice(failed(t('history_undo_failed', describeImportProblem(answer.error))));
      }
    } catch (err) {
      setNotice(failed(failedText('history_undo_error', err)));
    }
    (recentRef as { current: HTMLElement | null }).current?.focus();
  };

  return { notice, busyId, remove, undo, dismiss: () => setNotice(null) };
}
