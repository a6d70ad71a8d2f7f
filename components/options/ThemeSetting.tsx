import { t } from '../../lib/i18n';
import type { Theme } from '../../lib/domain/theme';
import { THEMES } from '../../lib/domain/theme';

interface Props {
  /** The stored theme; absent means the system's. */
  value: Theme | undefined;
  onChange: (theme: Theme) => void;
}

/** Settings: System, Light or Dark, for every page, the popup and the timer at once. */
export function ThemeSetting({ value = 'system', onChange }: Props) {
  return (
    <>
      <h2>{t('sectionAppearance')}</h2>
      <fieldset class="rb-inline">
        <legend>{t('themeLegend')}</legend>
        {THEMES.map((theme) => (
          <label key={theme}>
            <input type="radio" name="theme" value={theme} checked={theme === value} onChange={() => onChange(theme)} />
            {t(`theme_${theme}`)}
          </label>
        ))}
      </fieldset>
      <p class="rb-cue">{t('themeHelp')}</p>
    </>
  );
}
