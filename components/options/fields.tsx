import type { MessageKey } from '../../lib/i18n';
import { t } from '../../lib/i18n';
import { formatMinutes } from '../../lib/i18n/format';

export const valueOf = (e: Event): string => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

/** A labelled select of minute values ("30 min"). */
export function MinutesSelect(props: {
  label: MessageKey;
  choices: readonly number[];
  value: number;
  onPick(minutes: number): void;
}) {
  return (
    <label>
      {t(props.label)}
      <select value={String(props.value)} onChange={(e) => props.onPick(Number(valueOf(e)))}>
        {props.choices.map((m) => (
          <option key={m} value={String(m)}>
            {formatMinutes(m, 'long')}
          </option>
        ))}
      </select>
    </label>
  );
}
