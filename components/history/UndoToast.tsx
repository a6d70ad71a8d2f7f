import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { BreakEntry } from '../../lib/log/entry';
import { t } from '../../lib/i18n';

export type Notice = { kind: 'deleted'; entry: BreakEntry } | { kind: 'text'; text: string; error?: boolean };

interface Props {
  notice: Notice | null;
  /** How long the notice stays, unless the pointer or focus is on it. */
  ms: number;
  onUndo(entry: BreakEntry): void;
  onClose(): void;
  /** Where focus goes when the notice leaves while it had focus. */
  returnFocus: Ref<HTMLElement>;
}

/** "Break deleted. Undo", or a message: a toast that waits while the pointer or the user's focus is on it. */
export function UndoToast({ notice, ms, onUndo, onClose, returnFocus }: Props) {
  const [paused, setPaused] = useState(false);
  // A new notice starts unheld.
  const [shown, setShown] = useState(notice);
  if (shown !== notice) {
    setShown(notice);
    setPaused(false);
  }
  const undoRef = useRef<HTMLButtonElement>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusing = useRef(false);

  useEffect(() => {
    if (notice?.kind !== 'deleted') return;
    // Focus goes to Undo, so Enter undoes at once; that focus alone does not hold the notice (the user's does).
    focusing.current = true;
    undoRef.current?.focus();
    focusing.current = false;
  }, [notice]);

  useEffect(() => {
    if (!notice || paused) return;
    const timer = setTimeout(() => {
      const hadFocus = noticeRef.current?.contains(document.activeElement) ?? false;
      onClose();
      if (hadFocus) (returnFocus as { current: HTMLElement | null }).current?.focus();
    }, ms);
    return () => clearTimeout(timer);
  }, [notice, paused, ms]);

  return (
    <div
      ref={noticeRef}
      class={`rb-toast${notice ? ' rb-toast--on' : ''}${notice?.kind === 'text' && notice.error ? ' rb-toast--error' : ''}`}
      role="status"
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocusIn={() => {
        if (!focusing.current) setPaused(true);
      }}
      onFocusOut={() => setPaused(false)}
    >
      {notice?.kind === 'deleted' ? (
        <>
          <span>{t('history_deleted')}</span>
          <button type="button" ref={undoRef} onClick={() => onUndo(notice.entry)}>
            {t('history_undo')}
          </button>
        </>
      ) : notice ? (
        <span>{notice.text}</span>
      ) : null}
      {notice ? (
        <button type="button" class="rb-toast__close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      ) : null}
    </div>
  );
}
