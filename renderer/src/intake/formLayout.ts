// The registration form's grid: one label column that every row lines up with, and rows of two
// equal halves.
export const LABEL_WIDTH = 76;

/** A column taking half of a two-column row; minWidth 0 lets long content shrink instead of spill. */
export const HALF = { flex: '1 1 0', style: { minWidth: 0 } } as const;
