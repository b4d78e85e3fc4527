// /admin/reports/quarterly?quarter=2026-Q3: one page for the funder with the quarter's figures and
// charts. The print stylesheet (styles.css, @media print) drops the site's chrome and lays the
// charts out two by two, so the browser's "Save as PDF" makes a clean one-page report.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { quarterDays } from '@mutuals/contracts';
import { programmeMetricsQuery } from '../../api/programme';
import { ActionFeedback, Button, ButtonLink, PageTitle, Spinner } from '../../components';
import {
  ChartHeight,
  ClosedChart,
  FunnelChart,
  HeadlineFigures,
  JourneyChart,
  MatchRateChart,
  ReachChart,
  SatisfactionChart,
  SessionsChart,
} from './ProgrammeFigures';
import { QUARTER, quarterName, recentQuarters } from './quarters';

export function QuarterlyReportPage() {
  const [params] = useSearchParams();
  const asked = params.get('quarter') ?? '';
  const quarter = QUARTER.test(asked) ? asked : recentQuarters(new Date(), 1)[0].value;
  const metrics = useQuery(programmeMetricsQuery(quarterDays(quarter)));
  const view = metrics.data;
  return (
    <article className="quarterly-report">
      <PageTitle
        title={`Quarterly report: ${quarterName(quarter)}`}
        lead={`Mutuals Network, ${quarter}. Mentoring and peer support for public service mutuals.`}
        actions={
          <span className="no-print">
            <Button onClick={() => window.print()}>Print or save as PDF</Button>{' '}
            <ButtonLink variant="ghost" to="/admin/reports">
              Back to reports
            </ButtonLink>
          </span>
        }
      />
      <ActionFeedback notice={null} error={metrics.error} />
      {!view ? (
        metrics.isPending && <Spinner label="Counting" />
      ) : (
        <>
          <section aria-labelledby="quarter-headlines">
            <h2 id="quarter-headlines">In figures</h2>
            <HeadlineFigures view={view} />
          </section>
          <section aria-labelledby="quarter-charts">
            <h2 id="quarter-charts">Reach, mentoring and satisfaction</h2>
            <ChartHeight.Provider value={150}>
              <div className="quarterly-grid">
                <FunnelChart view={view} />
                <MatchRateChart view={view} />
                <SessionsChart view={view} />
                <ClosedChart view={view} />
                <ReachChart dimension="Nation" members={view.members} organisations={view.organisations} />
                <SatisfactionChart view={view} />
                <JourneyChart view={view} />
              </div>
            </ChartHeight.Provider>
          </section>
          <p className="muted">
            Period {view.filters.from} to {view.filters.to}; produced {new Date(view.generatedAt).toLocaleString('en-GB')}. How each figure
            is counted: the coordinator’s console notes.
          </p>
        </>
      )}
    </article>
  );
}
