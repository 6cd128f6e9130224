// The period 统计 shows, kept while the window moves to the register and back (a drill-down
// returns to the same figures). This year so far until someone picks another.
import dayjs from 'dayjs';
import { create } from 'zustand';
import type { Period } from '../../../domain/figures/indicators';

export const useFiguresPeriod = create<{ period: Period; setPeriod: (p: Period) => void }>((set) => ({
  period: { from: dayjs().startOf('year').format('YYYY-MM-DD'), to: dayjs().format('YYYY-MM-DD') },
  setPeriod: (period) => set({ period }),
}));
