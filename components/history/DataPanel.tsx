import { useState } from 'preact/hooks';
import type { BreakEntry } from '../../lib/log/entry';
import type { ImportProblem } from '../../lib/log/import-export';
import { MAX_IMPORT_BYTES, exportPieces } from '../../lib/log/import-export';
import { importIntoLog } from './import-into-log';
import { yieldToPage } from '../../lib/log/read';
import { settingsItem } from '../../lib/storage/items';
import { normalizeSettings } from '../../lib/settings/normalize';
import { settingsBackup, type SettingsBackup } from '../../lib/settings/backup';
import { describeImportProblem } from '../../lib/log/import-problem';
import { send } from '../../lib/messaging/send';
import { failedText as requestFailedText } from '../../lib/messaging/request-problem';
import { formatNumber, t } from '../../lib/i18n';
import { tp } from '../../lib/i18n/plural';

/** Saves a file (its text, or its text in pieces) through a Blob and a temporary <a download>. */
export function download(name: string, text: string | readonly string[], type: string): void {
  const url = URL.createObjectURL(new Blob(typeof text === 'string' ? [text] : [...text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; give it time before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** 2026-03-14, in local time: file names sort by date. */
function stamp(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

type Message = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/** "Import done: 3 new breaks added." and, if the log had some already, "2 breaks were already in your log." */
function doneText(added: number, skipped: number): string {
  const done = tp('import_done', added, formatNumber(added));
  return skipped > 0 ? `${done} ${tp('import_skipped', skipped, formatNumber(skipped))}` : done;
}

function failedText(problem: ImportProblem): string {
  return problem.code === 'too_big'
    ? t('import_too_big', formatNumber(MAX_MB))
    : t('import_failed', describeImportProblem(problem));
}

export interface DataPanelProps {
  entries: readonly BreakEntry[];
  /** Whether `entries` is the whole log (exports wait for it). */
  complete: boolean;
  /** After an import that added breaks: those it wrote, or null when the log must be read again to know. */
  onImported(written: readonly BreakEntry[] | null): void;
}

/** Export (JSON and the two CSV files) and import of a JSON export. */
export function DataPanel({ entries, complete, onImported }: DataPanelProps) {
  const [message, setMessage] = useState<Message>(null);
  const unavailable = !complete || entries.length === 0;
  // Settings found in the file just imported: restoring them is offered, never done unasked.
  const [offer, setOffer] = useState<SettingsBackup | null>(null);
  const exportAs = async (what: 'json' | 'breaks' | 'steps') => {
    const now = Date.now();
    // The JSON backup keeps the settings too, so a new browser can get both back from one file.
    const settings = what === 'json' ? settingsBackup(normalizeSettings(await settingsItem.getValue())) : undefined;
    // Written a piece at a time with the page free in between: a log of years never freezes it.
    const pieces: string[] = [];
    for (const piece of exportPieces(what, entries, now, settings)) {
      pieces.push(piece);
      await yieldToPage();
    }
    if (what === 'json') download(`rollbreak-log-${stamp(now)}.json`, pieces, 'application/json');
    else download(`rollbreak-${what}-${stamp(now)}.csv`, pieces, 'text/csv');
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > MAX_IMPORT_BYTES) {
        setMessage({ kind: 'error', text: failedText({ code: 'too_big' }) });
        return;
      }
      setOffer(null);
      setMessage({ kind: 'busy', text: t('import_busy') });
      // Written by this page, in one transaction, in its turn of the background's queue (import-into-log.ts).
      let written: BreakEntry[] | null = null;
      const result = await importIntoLog(file, (breaks) => (written = breaks));
      if (result.ok) {
        setMessage({ kind: 'ok', text: doneText(result.added, result.skipped) });
        setOffer(result.settings ?? null);
        if (result.added > 0) onImported(written);
      } else {
        setMessage({ kind: 'error', text: failedText(result.error) });
      }
    } catch (err) {
      setMessage({ kind: 'error', text: requestFailedText('import_error', err) });
    } finally {
      // The same file can be picked again (to see that it adds nothing).
      input.value = '';
    }
  };

  const restore = async (backup: SettingsBackup) => {
    setOffer(null);
    try {
      const answer = await send({ type: 'settings:restore', backup });
      setMessage(
        answer.ok ? { kind: 'ok', text: t('settings_restored') } : { kind: 'error', text: t('settings_restore_failed') },
      );
    } catch {
      setMessage({ kind: 'error', text: t('settings_restore_failed') });
    }
  };

  return (
    <section class="rb-card rb-data" aria-labelledby="rb-data-title">
      <h2 id="rb-data-title">{t('export_title')}</h2>
      <p class="rb-muted">
        {t('export_intro')} {t('export_json_settings')}
      </p>
      <div class="rb-row rb-row--start">
        <button type="button" disabled={unavailable} onClick={() => void exportAs('json')}>
          {t('export_json')}
        </button>
        <button type="button" disabled={unavailable} onClick={() => void exportAs('breaks')}>
          {t('export_csv_breaks')}
        </button>
        <button type="button" disabled={unavailable} onClick={() => void exportAs('steps')}>
          {t('export_csv_steps')}
        </button>
      </div>
      <div class="rb-import">
        <label class="rb-file">
          <span class="rb-file__label">{t('import_label')}</span>
          <input
            type="file"
            accept=".json,application/json"
            aria-describedby="rb-import-help"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
        <p id="rb-import-help" class="rb-muted rb-small-text">
          {t('import_help', formatNumber(MAX_MB))}
        </p>
      </div>
      <p class={`rb-message${message ? ` rb-message--${message.kind}` : ''}`} role="status">
        {message?.text ?? ''}
      </p>
      {offer ? (
        <div class="rb-settings-offer" role="group" aria-labelledby="rb-settings-offer">
          <p id="rb-settings-offer">{t('import_settings_offer')}</p>
          <div class="rb-row rb-row--start">
            <button type="button" onClick={() => void restore(offer)}>
              {t('import_restore_settings')}
            </button>
            <button type="button" onClick={() => setOffer(null)}>
              {t('import_keep_settings')}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
