import type { CourseView } from '../courses-api.ts';
import { useCoursesText } from '../messages.ts';

/**
 * Seats taken and free as a small bar, the waiting list as a number beside it. The bar is
 * decoration: the same figures are in the text, which is what screen readers read.
 */
export function SeatBar({ seats }: { seats: CourseView['seats'] }) {
  const { t } = useCoursesText();
  const share = seats.capacity > 0 ? Math.min(1, seats.taken / seats.capacity) : 0;
  return (
    <div className="seat-bar">
      <svg width="80" height="10" aria-hidden="true" focusable="false" className="seat-bar-graphic">
        <rect width="80" height="10" rx="2" className="seat-bar-free" />
        <rect width={Math.round(80 * share)} height="10" rx="2" className="seat-bar-taken" />
      </svg>
      <span>{t.seatsText(seats.taken, seats.free, seats.waiting)}</span>
    </div>
  );
}
