// Quarters as `2026-Q3`, for the quarterly report's picker and address.
import { quarterDays } from '@mutuals/contracts';

export const QUARTER = /^\d{4}-Q[1-4]$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "July to September 2026". */
export function quarterName(quarter: string): string {
  const { from, to } = quarterDays(quarter);
  return `${MONTHS[Number(from.slice(5, 7)) - 1]} to ${MONTHS[Number(to.slice(5, 7)) - 1]} ${from.slice(0, 4)}`;
}

/** The `count` quarters before the current one, newest first (the current one is not over yet). */
export function recentQuarters(today: Date, count: number): { value: string; label: string }[] {
  let year = today.getUTCFullYear();
  let q = Math.floor(today.getUTCMonth() / 3) + 1;
  const quarters = [];
  for (let i = 0; i < count; i += 1) {
    q -= 1;
    if (q === 0) [year, q] = [year - 1, 4];
    const value = `${year}-Q${q}`;
    quarters.push({ value, label: `${value}: ${quarterName(value)}` });
  }
  return quarters;
}
