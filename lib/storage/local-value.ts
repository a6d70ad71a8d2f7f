import { ext } from '../browser/ext-lite';

/**
 * A small reader/writer for one key of extension storage, light enough for the timer over a page and the
 * popup's first paint. Keys and fallbacks come from `storage/keys.ts`; every item is declared in
 * `storage/items.ts`.
 */
export interface LocalValue<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  watch(listener: (value: T) => void): () => void;
}

export function localValue<T>(key: string, fallback: T, area: 'local' | 'sync' | 'session' = 'local'): LocalValue<T> {
  return {
    async get() {
      const found = await ext.storage[area].get(key);
      return (found[key] as T | undefined) ?? fallback;
    },
    async set(value) {
      await ext.storage[area].set({ [key]: value });
    },
    watch(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, changed: string) => {
        if (changed === area && key in changes) listener((changes[key]!.newValue as T | undefined) ?? fallback);
      };
      ext.storage.onChanged.addListener(onChanged);
      return () => ext.storage.onChanged.removeListener(onChanged);
    },
  };
}
