/**
 * Light, dark or the system's. Every stylesheet gives its colours as `light-dark(light, dark)` pairs under
 * `color-scheme: light dark`, so the system's preference picks one; a choice in Settings forces one by
 * setting `color-scheme` on the outermost element we own (a page's <html>, the overlay's wrapper).
 * The same property makes native controls (selects, checkboxes, scrollbars) match.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The settings field. Optional: settings written before it existed read as 'system'. */
export interface ThemeSetting {
  theme?: Theme;
}
