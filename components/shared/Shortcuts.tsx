import { useEffect, useState } from 'preact/hooks';
import { ext } from '../../lib/browser/ext-lite';
import { COMMANDS } from '../../lib/session/commands';
import { t } from '../../lib/i18n';

interface Command {
  name?: string;
  description?: string;
  shortcut?: string;
}

/** Start, focus, pause, knot, then the popup's own shortcut. */
const order = (c: Command) => {
  const at = (COMMANDS as readonly string[]).indexOf(c.name ?? '');
  return at === -1 ? COMMANDS.length : at;
};

/** Chrome has a page for extension shortcuts; Firefox opens its own (Manage Extension Shortcuts). */
function openShortcutSettings() {
  const commands = ext.commands as { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void ext.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/**
 * The keyboard shortcuts with the keys the browser actually has for them: a suggested key may be taken by
 * another extension, and people change them, so no key is ever written into text.
 */
export function Shortcuts() {
  const [commands, setCommands] = useState<Command[] | null>(null);
  useEffect(() => {
    void ext.commands.getAll().then((all) => setCommands([...all].sort((a, b) => order(a) - order(b))));
  }, []);
  if (!commands) return null;
  return (
    <div class="rb-shortcuts">
      <dl>
        {commands.map((c) => (
          <div key={c.name}>
            <dt>{c.name === '_execute_action' ? t('commandOpenPopup') : c.description}</dt>
            <dd>{c.shortcut ? <kbd>{c.shortcut}</kbd> : t('shortcutNotSet')}</dd>
          </div>
        ))}
      </dl>
      <button type="button" class="rb-link" onClick={openShortcutSettings}>
        {t('changeShortcuts')}
      </button>
    </div>
  );
}

export type ShortcutsComponent = typeof Shortcuts;
