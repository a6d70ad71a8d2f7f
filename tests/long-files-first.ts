import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A sequencer that starts the given files first, in the order given, then the rest in vitest's own order.
 * On a clean clone vitest has no timings yet and starts the largest files first; a short file that runs
 * long (the sync model is 20 lines and a minute of work) then starts last and runs alone on one core while
 * the other waits. Listing the longest files keeps both cores busy to the end. Only the order changes: every
 * file still runs, each in its own worker.
 */
export function longFilesFirst(first: readonly string[]) {
  return class LongFilesFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const rank = (spec: TestSpecification) => {
        const i = first.findIndex((path) => spec.moduleId.endsWith(`/${path}`));
        return i < 0 ? first.length : i;
      };
      const base = await super.sort(files);
      // Array.prototype.sort is stable: files not listed keep vitest's order among themselves.
      return base.sort((a, b) => rank(a) - rank(b));
    }
  };
}
