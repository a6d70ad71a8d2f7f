import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { registerSync } from '../sync-service';
import { syncChoice } from '../sync-choice';
import { deleteAll, deleteLogged, importLog, resumeDeleteAll, syncNow, syncStatus, undoDelete, unsync } from './log-requests';

/** Your data: the history and settings pages' changes to the log, its sync, and Delete all. */
export const dataRequests: Handlers = {
  'log:delete': deleteLogged,
  'log:undo': undoDelete,
  'log:import': importLog,
  'sync:now': syncNow,
  'sync:status': syncStatus,
  'data:sync': ({ on }) => syncChoice(on),
  'data:unsync': unsync,
  'data:deleteAll': deleteAll,
};

/** Your data and sync: an unfinished Delete all finished, sync's wake-ups, and the requests about the log and its sync. */
export function registerDataFeature(): void {
  // A "Delete all my data" the last worker did not finish is finished now, before a sync round reads the log.
  resumeDeleteAll();
  registerSync();
  handleRequests(dataRequests);
}
