import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionState } from '../lib/session/types';
import { ext } from '../lib/ext-lite';
import { playChime } from './chime';

/** Whether the user turned the sound on (Settings); read from sync storage, off until known. */
function useSoundSetting(): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const read = () =>
      void ext.storage.sync.get('settings').then((r) => setOn(Boolean((r.settings as { sound?: boolean } | undefined)?.sound)));
    read();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'sync' && 'settings' in changes) read();
    };
    ext.storage.onChanged.addListener(onChanged);
    return () => ext.storage.onChanged.removeListener(onChanged);
  }, []);
  return on;
}

/**
 * Chimes when a step or a knot hold ends, if the user asked for sound. Only the timer (overlay or window)
 * calls this, so an open popup never doubles the sound.
 */
export function useChimes(view: SessionState | null): void {
  const sound = useSoundSetting();
  const last = useRef<{ id: string; step: number; holding: boolean; status: string } | null>(null);
  useEffect(() => {
    if (!view || view.status === 'idle') {
      last.current = null;
      return;
    }
    const now = { id: view.id, step: view.stepIndex, holding: view.hold !== null, status: view.status };
    const before = last.current;
    last.current = now;
    if (!sound || !before || before.id !== now.id) return;
    if (now.step !== before.step || (now.status === 'finished' && before.status === 'running')) playChime('step');
    else if (before.holding && !now.holding && now.status === 'running') playChime('hold');
  });
}
