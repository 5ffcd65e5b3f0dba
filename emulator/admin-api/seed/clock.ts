const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Seed dates are relative to one reference moment, so the demo shop never ages. */
export interface SeedClock {
  now: Date;
  /** ISO date `days` (and `hours`) before now. */
  ago(days: number, hours?: number): string;
  /** ISO date `days` (and `hours`) after now. */
  ahead(days: number, hours?: number): string;
  /** ISO date shifted from another ISO date. */
  shift(iso: string, days: number, hours?: number): string;
}

export function seedClock(now: Date): SeedClock {
  const at = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
  return {
    now,
    ago: (days, hours = 0) => at(now.getTime() - days * DAY - hours * HOUR),
    ahead: (days, hours = 0) => at(now.getTime() + days * DAY + hours * HOUR),
    shift: (iso, days, hours = 0) => at(Date.parse(iso) + days * DAY + hours * HOUR),
  };
}
