/** Times are shown on the viewer's clock; the doctor's zone is added when it differs. */
export const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone

export function formatDateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))
}

export function formatTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso))
}

export function formatDay(date: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', timeZone }).format(date)
}

/** yyyy-mm-dd of an instant on a zone's calendar. */
export function dayKey(date: Date, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(date)
  return parts
}

/** Monday 00:00 (local clock) of the week containing date, plus an offset in weeks. */
export function weekStart(date: Date, offsetWeeks = 0): Date {
  const d = new Date(date)
  d.setHours(0, 0, 0, 0)
  const day = (d.getDay() + 6) % 7
  d.setDate(d.getDate() - day + offsetWeeks * 7)
  return d
}

export function addDays(date: Date, days: number): Date {
  const d = new Date(date)
  d.setDate(d.getDate() + days)
  return d
}

/** Slots grouped per local day of the week starting at start (7 columns). */
export function groupByDay<T extends { start: string }>(items: T[], start: Date): { day: Date; items: T[] }[] {
  const days = Array.from({ length: 7 }, (_, i) => ({ day: addDays(start, i), items: [] as T[] }))
  for (const item of items) {
    const key = dayKey(new Date(item.start))
    const column = days.find((d) => dayKey(d.day) === key)
    column?.items.push(item)
  }
  return days
}
