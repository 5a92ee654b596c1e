import type { PageParams } from '../core/pageParams';
import { decodeSchedule } from '../core/schedule';

/** The schedule a link asks for, or why it is ignored; null when the link names none. */
export function scheduleFromPage(
  page: PageParams,
): { schedule: number[] } | { message: string } | null {
  if (!page.schedule) return null;
  const decoded = decodeSchedule(page.schedule);
  return decoded.ok
    ? { schedule: decoded.schedule }
    : { message: `Ignored schedule: ${decoded.message}` };
}
