// /admin/mentoring: pairs whose check-ins say it is not working, so a coordinator can step in or re-pair.
import { Link } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client';
import { checkInFlagsQuery } from '../../api/mentoring';
import { Alert, Badge, EmptyState, PageTitle, Spinner } from '../../components';
import { formatDate } from './shared';

const CONTINUE = { yes: 'Yes', unsure: 'Not sure', no: 'No' } as const;

export function AdminMentoringCarePage() {
  const { data: flags, error } = useQuery(checkInFlagsQuery());
  return (
    <>
      <PageTitle
        title="Pairs needing attention"
        lead="Check-in answers where a mentor or mentee says the mentoring is not working. Comments show only when their writer chose to share them."
      />
      {error && (
        <Alert tone="danger" role="alert">
          {errorMessage(error)}
        </Alert>
      )}
      {!flags && !error && <Spinner label="Loading check-in concerns" />}
      {flags && flags.length === 0 && <EmptyState title="No concerns">Every check-in answered so far says the pairing works.</EmptyState>}
      {flags && flags.length > 0 && (
        <table className="table">
          <caption className="visually-hidden">Check-in concerns, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Raised by</th>
              <th scope="col">Answered</th>
              <th scope="col">Useful</th>
              <th scope="col">Relationship</th>
              <th scope="col">Carry on?</th>
              <th scope="col">Comment</th>
              <th scope="col">Pair</th>
            </tr>
          </thead>
          <tbody>
            {flags.map((f) => (
              <tr key={f.checkInId}>
                <td>
                  {f.raisedBy.displayName} <span className="muted">({f.side})</span>
                </td>
                <td>{formatDate(f.answeredAt)}</td>
                <td>{f.usefulness} of 5</td>
                <td>{f.relationship} of 5</td>
                <td>
                  <Badge tone={f.wantsToContinue === 'no' ? 'danger' : 'warning'}>{CONTINUE[f.wantsToContinue]}</Badge>
                </td>
                <td>{f.comment ?? <span className="muted">Not shared</span>}</td>
                <td>
                  <Link to={`/mentoring/mentorships/${f.mentorshipId}`}>Open the mentorship</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
