/** The unit each money answer was typed in (3亿 → 亿, 500 → 万): reasons word that fact's amounts in it. */
import type { MoneyUnit } from './money.ts';

export const typedUnits = $state<Record<string, MoneyUnit>>({});
