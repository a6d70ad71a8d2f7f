import { useEffect, useState } from 'preact/hooks';
import { foldedHistoryItem } from '../../lib/storage/items';
import { NO_FOLDED_HISTORY, type FoldedHistory } from '../../lib/sync/folded';

/** The breaks this browser knows only as day totals (the sync service keeps them), kept up to date. */
export function useFoldedHistory(): FoldedHistory {
  const [folded, setFolded] = useState<FoldedHistory>(NO_FOLDED_HISTORY);
  useEffect(() => {
    void foldedHistoryItem.getValue().then(setFolded);
    return foldedHistoryItem.watch((next) => setFolded(next ?? NO_FOLDED_HISTORY));
  }, []);
  return folded;
}
