/** The find bar's count, in words. */
import { MATCH_LIMIT } from '../../../shared/text/find';

/** "3 of 12", "No matches", "100,000+ matches". */
export function matchCountText(current: number, total: number): string {
  if (total === 0) return 'No matches';
  const of = total >= MATCH_LIMIT ? `${MATCH_LIMIT.toLocaleString('en')}+` : total.toLocaleString('en');
  return current >= 0 ? `${(current + 1).toLocaleString('en')} of ${of}` : `${of} matches`;
}
