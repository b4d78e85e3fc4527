// Pieces every support page shares: the status badge and what an application says, allocates and delivered.
import { Link } from 'react-router-dom';
import type { SupportApplicationView } from '@mutuals/contracts';
import { SUPPORT_STATUS_LABELS, pounds, statusTone } from '../../api/support';
import { termName, useTaxonomy } from '../../api/taxonomy';
import { Badge } from '../../components';

export function StatusBadge({ status }: { status: SupportApplicationView['status'] }) {
  return <Badge tone={statusTone(status)}>{SUPPORT_STATUS_LABELS[status]}</Badge>;
}

const OUTCOME_LABELS = { eligible: 'Eligible', likely: 'Likely eligible', 'not-yet': 'Not yet eligible' } as const;

export function EligibilityOutcome({ application }: { application: SupportApplicationView }) {
  const { outcome, reasons, nextSteps } = application.eligibility;
  if (!outcome) return <p className="muted">The eligibility questions are not answered yet.</p>;
  return (
    <div className="support-eligibility">
      <p>
        Eligibility:{' '}
        <Badge tone={outcome === 'eligible' ? 'success' : outcome === 'likely' ? 'info' : 'warning'}>{OUTCOME_LABELS[outcome]}</Badge>
      </p>
      <ul>
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {nextSteps.length > 0 && (
        <>
          <p>Next steps:</p>
          <ul>
            {nextSteps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A card in a list: reference, organisation, status, areas. */
export function ApplicationListItem({ application, to }: { application: SupportApplicationView; to: string }) {
  const { taxonomy } = useTaxonomy();
  return (
    <li className="card">
      <h2 className="card-title">
        <Link to={to}>
          {application.organisation.name} ({application.reference})
        </Link>
      </h2>
      <p>
        <StatusBadge status={application.status} />{' '}
        {application.areas.map((a) => termName(taxonomy?.supportAreas, a)).join(', ') || 'No areas chosen yet'}
      </p>
      {application.allocatedPence > 0 && (
        <p className="muted">
          {pounds(application.allocatedPence)} allocated{application.partner ? ` with ${application.partner.name}` : ''};{' '}
          {pounds(application.deliveredPence)} delivered
        </p>
      )}
    </li>
  );
}

/** What the application asks for and where it stands. */
export function ApplicationSummary({ application }: { application: SupportApplicationView }) {
  const { taxonomy } = useTaxonomy();
  const area = (slug: string) => termName(taxonomy?.supportAreas, slug);
  return (
    <div className="support-summary">
      <p>
        <StatusBadge status={application.status} /> {application.organisation.name},{' '}
        {termName(taxonomy?.stages, application.organisation.stage)}, {termName(taxonomy?.regions, application.organisation.region)}.
        Applied by {application.applicant.displayName}.
      </p>
      {application.informationRequest && application.status === 'more-information-requested' && (
        <div className="alert alert-warning">
          <p className="alert-title">More information requested</p>
          <p>{application.informationRequest}</p>
        </div>
      )}
      {application.declineReason && (
        <div className="alert alert-danger">
          <p className="alert-title">Declined</p>
          <p>{application.declineReason}</p>
        </div>
      )}
      <dl className="support-fields">
        <dt>Support areas</dt>
        <dd>{application.areas.map(area).join(', ') || 'None yet'}</dd>
        <dt>What is needed</dt>
        <dd>{application.need || 'Not answered yet'}</dd>
        <dt>Outcome wanted</dt>
        <dd>{application.outcome || 'Not answered yet'}</dd>
        <dt>By when</dt>
        <dd>{application.byWhen ?? 'Not answered yet'}</dd>
        <dt>Growth or diversification case</dt>
        <dd>{application.growthCase || 'Not answered yet'}</dd>
        <dt>Cash match funding</dt>
        <dd>
          {pounds(application.matchFundingPence)}
          {application.matchFundingSource && ` (${application.matchFundingSource})`}
        </dd>
      </dl>
      <EligibilityOutcome application={application} />
      {application.allocations.length > 0 && (
        <table className="table">
          <caption>
            Allocation{application.partner ? ` with ${application.partner.name}` : ''}: {pounds(application.allocatedPence)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col">Days allocated</th>
              <th scope="col">Days delivered</th>
              <th scope="col">Day rate</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          <tbody>
            {application.allocations.map((a) => (
              <tr key={a.area}>
                <th scope="row">{area(a.area)}</th>
                <td>{a.days}</td>
                <td>{a.deliveredDays}</td>
                <td>{pounds(a.dayRatePence)}</td>
                <td>{pounds(a.costPence)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {application.logs.length > 0 && (
        <>
          <h2>Days delivered</h2>
          <ul>
            {application.logs.map((log) => (
              <li key={log.id}>
                {log.date}: {log.days} day{log.days === 1 ? '' : 's'} of {area(log.area)} by {log.adviser.displayName}
                {log.note && `: ${log.note}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {application.deliverables.length > 0 && (
        <>
          <h2>Deliverables</h2>
          <ul>
            {application.deliverables.map((d) => (
              <li key={d.id}>
                <a href={d.file.url} download={d.file.name}>
                  {d.title}
                </a>{' '}
                <span className="muted">
                  ({d.file.name}, from {d.adviser.displayName})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {application.rating !== null && (
        <p>
          Rated {application.rating} of 5{application.feedback && `: “${application.feedback}”`}
        </p>
      )}
    </div>
  );
}
