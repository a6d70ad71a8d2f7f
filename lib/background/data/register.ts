import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { registerSync } from './sync-service';
import { syncChoice } from './sync-choice';
import { deleteAll, deleteLogged, importLog, syncNow, syncStatus, undoDelete, unsync } from './log-requests';

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

/** Your data and sync: sync's wake-ups, and the requests about the log and its sync. */
export function registerDataFeature(): void {
  registerSync();
  handleRequests(dataRequests);
}
