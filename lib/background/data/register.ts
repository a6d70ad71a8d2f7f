import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { inSyncQueue, registerSync } from '../sync-service';
import { syncChoice } from '../sync-choice';
import { beginImport, endImport } from './import-job';
import { deleteAll, deleteLogged, resumeDataJobs, syncNow, syncStatus, undoDelete, unsync } from './log-requests';

/** Your data: the history and settings pages' changes to the log, its sync, and Delete all. */
export const dataRequests: Handlers = {
  'log:delete': deleteLogged,
  'log:undo': undoDelete,
  'log:importBegin': beginImport,
  'log:importEnd': endImport,
  'sync:now': syncNow,
  'sync:status': syncStatus,
  // In the sync queue: once the answer says off, no round is halfway through publishing.
  'data:sync': ({ on }) => inSyncQueue(() => syncChoice(on)),
  'data:unsync': unsync,
  'data:deleteAll': deleteAll,
};

/** Your data and sync: an unfinished Delete all finished, sync's wake-ups, and the requests about the log and its sync. */
export function registerDataFeature(): void {
  // A "Delete all my data" or a removal the last worker did not finish is finished now, before a sync round
  // reads the log; then a round still owed runs.
  resumeDataJobs();
  registerSync();
  handleRequests(dataRequests);
}
