const DAY_MS = 86_400_000;

/** A daily partition: its name suffix and its [from, to) bounds as UTC dates. */
export interface DailyPartition {
  suffix: string;
  from: string;
  to: string;
}

const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The days whose partitions must exist: `retentionDays` back from today to `aheadDays` ahead. */
export function wantedPartitions(now: Date, retentionDays: number, aheadDays: number): DailyPartition[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days: DailyPartition[] = [];
  for (let offset = -retentionDays; offset <= aheadDays; offset += 1) {
    const from = today + offset * DAY_MS;
    days.push({ suffix: isoDay(from).replaceAll('-', ''), from: isoDay(from), to: isoDay(from + DAY_MS) });
  }
  return days;
}

/** The partitions (named `<table>_YYYYMMDD`) wholly older than the retention window. */
export function expiredPartitions(names: readonly string[], now: Date, retentionDays: number): string[] {
  const oldest = wantedPartitions(now, retentionDays, 0)[0].suffix;
  return names.filter((name) => {
    const suffix = /_(\d{8})$/.exec(name)?.[1];
    return suffix !== undefined && suffix < oldest;
  });
}
