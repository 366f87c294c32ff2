import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-30). Dates compare as strings. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD (date must be YYYY-MM-DD)' })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
  }, { error: '日期不存在 (no such date)' });

export type IsoDate = string;

/** Today's date in China, where every document in the corpus applies. */
export function todayInChina(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
