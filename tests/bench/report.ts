/** How a bench part adds a row to the table: a figure, its value, its budget, and whether it is kept (null: no budget). */
export type Report = (name: string, value: string, budget: string, ok: boolean | null) => void;

/** The median of a list of timings (the upper one of an even count). */
export const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
