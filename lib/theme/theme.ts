import { localValue } from '../storage/local-value';
import { SETTINGS_KEY } from '../storage/keys';
import type { ThemeSetting } from '../domain/theme';

/**
 * The `color-scheme` to force for a stored theme: '' leaves the stylesheets' `light dark`. The value comes
 * from synced storage (another device, another version), so anything unknown counts as the system's.
 */
export function schemeOf(theme: unknown): '' | 'light' | 'dark' {
  return theme === 'light' || theme === 'dark' ? theme : '';
}

/**
 * Keeps `el`'s color-scheme on the synced setting, now and whenever it changes (on any device). Light
 * enough for the page overlay: no polyfill, no settings migrations. Returns a function that stops.
 */
export function followTheme(el: HTMLElement): () => void {
  const settings = localValue<ThemeSetting>(SETTINGS_KEY, {}, 'sync');
  const apply = (value: ThemeSetting) => {
    el.style.colorScheme = schemeOf(value.theme);
  };
  // Both browsers answer a storage read before they report a write made after it, so a read never undoes a change.
  void settings.get().then(apply, () => undefined);
  return settings.watch(apply);
}
