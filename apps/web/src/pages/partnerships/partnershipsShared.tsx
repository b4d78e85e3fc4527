// Pieces the partnership pages share: an opportunity's facts and a fit with its reasons.
import type { FitView, OpportunityView } from '@mutuals/contracts';
import { termName, useTaxonomy } from '../../api/taxonomy';
import { STATUS_LABELS, usePartnershipsTaxonomy } from '../../api/partnerships';
import { Badge } from '../../components';

export const formatDate = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

export function StatusBadge({ status }: { status: OpportunityView['status'] }) {
  const tone = status === 'open' ? 'success' : status === 'won' ? 'success' : status === 'draft' ? 'warning' : 'neutral';
  return <Badge tone={tone}>{STATUS_LABELS[status]}</Badge>;
}

/** Sector, region, commissioner, value band and deadline in one line. */
export function OpportunityFacts({ opportunity }: { opportunity: OpportunityView }) {
  const { taxonomy } = useTaxonomy();
  const partnerships = usePartnershipsTaxonomy();
  return (
    <p className="forum-meta">
      {termName(taxonomy?.sectors, opportunity.sector)} · {termName(taxonomy?.regions, opportunity.region)} · {opportunity.commissioner} ·{' '}
      {termName(partnerships?.valueBands, opportunity.valueBand)} · deadline {formatDate(opportunity.deadline)}
    </p>
  );
}

/** The capabilities sought, by name. */
export function CapabilityList({ slugs, label }: { slugs: string[]; label: string }) {
  const partnerships = usePartnershipsTaxonomy();
  return (
    <p>
      <strong>{label}:</strong> {slugs.map((slug) => termName(partnerships?.capabilities, slug)).join('; ')}
    </p>
  );
}

/** A fit score and every reason with its points (they add up to the score). */
export function FitReasons({ fit, heading = 'Why it fits' }: { fit: FitView; heading?: string }) {
  return (
    <div className="fit">
      <p>
        <strong>
          {heading}: {fit.score} of 100
        </strong>
      </p>
      <ul className="fit-reasons">
        {fit.reasons.map((reason) => (
          <li key={reason.factor}>
            {reason.label} <span className="muted">(+{reason.points})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
