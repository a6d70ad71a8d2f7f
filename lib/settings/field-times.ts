/**
 * Settings merge field by field across browsers. The settings are one item in storage.sync, and the browser
 * account keeps whichever browser wrote it last: two browsers changing different fields at once would lose
 * one change. So each stored value carries, under EDITED, when each field (a path at any depth:
 * `holdSeconds`, `reminders.activeHours.start`) was last changed and where (the writer stamps what a patch
 * changed). When another browser's value replaces this browser's, every field this browser changed later
 * than the new value says is put back and written again; the other browser, seeing that, finds nothing newer
 * of its own to restore, so both end with both changes. Older versions pass the extra field through.
 */

export const EDITED = '$edited';

type Obj = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function leaves(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) if (k !== EDITED) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
}

function times(value: unknown): Record<string, number> {
  const t = isPlainObject(value) ? value[EDITED] : undefined;
  if (!isPlainObject(t)) return {};
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(t)) if (typeof v === 'number' && Number.isFinite(v)) out[k] = v;
  return out;
}

function setPath(target: Obj, path: string, value: unknown): void {
  const parts = path.split('.');
  let at: Obj = target;
  for (const p of parts.slice(0, -1)) {
    const next = at[p];
    if (!isPlainObject(next)) return;
    at = at[p] = { ...next };
  }
  at[parts[parts.length - 1]!] = value;
}

/** `after` with the fields that differ from `before` stamped as changed at `now`. */
export function stampEdits<T extends object>(before: T, after: T, now: number): T {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  leaves(before, '', b);
  leaves(after, '', a);
  const edited = { ...times(before), ...times(after) };
  for (const [path, value] of a) if (JSON.stringify(value) !== JSON.stringify(b.get(path))) edited[path] = now;
  return { ...after, [EDITED]: edited };
}

/**
 * This browser's value `local` was replaced by `remote`: the fields this browser changed later than `remote`
 * says, put back. Null when there is nothing to put back.
 */
export function restoreLostEdits(local: unknown, remote: unknown): Obj | null {
  if (!isPlainObject(local) || !isPlainObject(remote)) return null;
  const mine = times(local);
  const theirs = times(remote);
  const values = new Map<string, unknown>();
  leaves(local, '', values);
  const merged: Obj = structuredClone(remote);
  const edited = { ...theirs };
  let changed = false;
  for (const [path, at] of Object.entries(mine)) {
    if (at <= (theirs[path] ?? -Infinity) || !values.has(path)) continue;
    setPath(merged, path, values.get(path));
    edited[path] = at;
    changed = true;
  }
  if (!changed) return null;
  merged[EDITED] = edited;
  return merged;
}
