import { ext } from './ext-lite';

/** A small reader/writer for one `storage.local` key, light enough for the page overlay. */
export interface LocalValue<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  watch(listener: (value: T) => void): () => void;
}

export function localValue<T>(key: string, fallback: T): LocalValue<T> {
  return {
    async get() {
      const found = await ext.storage.local.get(key);
      return (found[key] as T | undefined) ?? fallback;
    },
    async set(value) {
      await ext.storage.local.set({ [key]: value });
    },
    watch(listener) {
      const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area === 'local' && key in changes) listener((changes[key]!.newValue as T | undefined) ?? fallback);
      };
      ext.storage.onChanged.addListener(onChanged);
      return () => ext.storage.onChanged.removeListener(onChanged);
    },
  };
}
