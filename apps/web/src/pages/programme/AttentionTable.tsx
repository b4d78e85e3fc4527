// Mentorships needing a coordinator now: no session for three weeks, a fit concern, or a request
// about to expire. Names and dates only: goals and notes stay with the pair.
import { Link } from 'react-router-dom';
import type { AttentionReason, NeedsAttention } from '@mutuals/contracts';
import { plural } from '../../components';

const REASONS: Record<AttentionReason, { label: string; since: string }> = {
  'no-session': { label: 'No session for 21 days', since: 'Last session (or start)' },
  'fit-concern': { label: 'Fit concern', since: 'Raised' },
  'request-expiring': { label: 'Request about to expire', since: 'Expires' },
};

const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function AttentionTable({ attention }: { attention: NeedsAttention }) {
  const total = Object.values(attention.counts).reduce((sum, count) => sum + count, 0);
  if (total === 0)
    return <p>Nothing needs attention: every pair has met in the last three weeks, no fit concerns, no request about to lapse.</p>;
  return (
    <>
      <ul className="plain-list attention-counts">
        {(Object.keys(REASONS) as AttentionReason[]).map((reason) => (
          <li key={reason}>
            <strong>{attention.counts[reason]}</strong> {REASONS[reason].label.toLowerCase()}
          </li>
        ))}
      </ul>
      <table className="table table-compact">
        <caption>
          Needing attention ({plural(total, 'item')}; the oldest {attention.items.length} shown)
        </caption>
        <thead>
          <tr>
            <th scope="col">Reason</th>
            <th scope="col">Mentor</th>
            <th scope="col">Mentee</th>
            <th scope="col">Since or until</th>
          </tr>
        </thead>
        <tbody>
          {attention.items.map((item) => (
            <tr key={`${item.reason}-${item.id}`}>
              <th scope="row">{REASONS[item.reason].label}</th>
              <td data-label="Mentor">
                <Link to={`/members/${item.mentor.id}`}>{item.mentor.displayName}</Link>
              </td>
              <td data-label="Mentee">
                <Link to={`/members/${item.mentee.id}`}>{item.mentee.displayName}</Link>
              </td>
              <td data-label={REASONS[item.reason].since}>
                {REASONS[item.reason].since}: {day(item.since)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
