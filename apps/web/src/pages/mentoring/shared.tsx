// Pieces shared by the mentoring pages: score bars, reasons, people, dates.
import type { MentoringPerson, ScoreReasonView } from '@mutuals/contracts';
import { Link } from 'react-router-dom';

export const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
export const formatDate = (iso: string | null) => (iso ? dateFormat.format(new Date(iso)) : '');

export function ScoreBar({ score, label }: { score: number; label?: string }) {
  return (
    <div className="score">
      <div
        className="score-bar"
        role="meter"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={score}
        aria-label={label ?? 'Match score'}
      >
        <span style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
      </div>
      <span className="score-value">{score}</span>
    </div>
  );
}

export function Reasons({ reasons }: { reasons: readonly ScoreReasonView[] }) {
  return (
    <ul className="reasons">
      {reasons.map((r) => (
        <li key={r.factor} className={r.points > 0 ? undefined : 'muted'}>
          <span className="reason-points">+{r.points}</span> {r.label}
        </li>
      ))}
    </ul>
  );
}

export function PersonName({ person }: { person: MentoringPerson }) {
  return (
    <>
      <Link to={`/members/${person.id}`}>{person.displayName}</Link>
      {person.organisationName && <span className="muted">, {person.organisationName}</span>}
    </>
  );
}
