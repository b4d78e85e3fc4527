// /admin/reports: the CSV downloads for the filters in the address, and the printable quarterly
// report for the funder.
import { useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { PROGRAMME_REPORTS, type ProgrammeReport } from '@mutuals/contracts';
import { reportUrl } from '../../api/programme';
import { ButtonLink, Card, PageTitle, Select } from '../../components';
import { ProgrammeFilterForm, useProgrammeFilters } from './ProgrammeFilterForm';
import { recentQuarters } from './quarters';

const DESCRIPTIONS: Record<ProgrammeReport, string> = {
  members: 'Members who registered in the period: status, organisation, sector, stage, region, nation, cohort, mentoring.',
  organisations: 'Organisations that joined in the period: kind, sector, stage, region, legal form, staff, members.',
  mentorships: 'Pairs active in the period: dates, outcome, rating, sessions and hours, fit checks. No goals, notes or feedback.',
  sessions: 'Sessions held in the period per month and pair: counts and hours only, never notes.',
  outcomes: 'The dashboard’s headline figures, one per row: reach, funnel, match rate, timings, engagement, satisfaction, journey.',
};

export function AdminReportsPage() {
  const filters = useProgrammeFilters();
  const { search } = useLocation();
  const quarters = recentQuarters(new Date(), 8);
  const [quarter, setQuarter] = useState(quarters[0].value);
  return (
    <>
      <PageTitle title="Reports" lead="Downloads for spreadsheets and the funder’s quarterly report." />
      <ProgrammeFilterForm />
      <Card title="CSV downloads">
        <p className="muted">
          For the filters above (UTF-8, opens in Excel). <Link to={`/admin${search}`}>See these figures on the dashboard</Link>.
        </p>
        <ul className="plain-list report-list">
          {PROGRAMME_REPORTS.map((report) => (
            <li key={report}>
              <a href={reportUrl(report, filters)} download>
                {report[0].toUpperCase() + report.slice(1)} (CSV)
              </a>
              <br />
              <span className="muted">{DESCRIPTIONS[report]}</span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Quarterly report for the funder">
        <p>One printable page with the quarter’s figures and charts; print it or save it as PDF from the browser.</p>
        <Select label="Quarter" name="quarter" options={quarters} value={quarter} onChange={(event) => setQuarter(event.target.value)} />
        <ButtonLink to={`/admin/reports/quarterly?quarter=${quarter}`}>Open the quarterly report</ButtonLink>
      </Card>
    </>
  );
}
