// /admin/partnerships: the console's partnership figures for the funder: opportunities posted,
// partnerships formed, won and what they won, by sector and by region.
import { useQuery } from '@tanstack/react-query';
import type { PartnershipFiguresRow } from '@mutuals/contracts';
import { errorMessage } from '../../api/client';
import { partnershipFiguresQuery, pounds } from '../../api/partnerships';
import { Alert, Card, ChartWithTable, PageTitle, Spinner } from '../../components';

const SERIES = [
  { key: 'formed', name: 'Partnerships formed' },
  { key: 'won', name: 'Won' },
];

const chartRows = (rows: PartnershipFiguresRow[]) => rows.map((r) => ({ label: r.name, formed: r.formed, won: r.won }));
// In thousands of pounds, so that the chart's axis has room for its numbers; the table reads the same.
const valueRows = (rows: PartnershipFiguresRow[]) => rows.map((r) => ({ label: r.name, valueWon: Math.round(r.valueWon / 1000) }));
const VALUE_SERIES = [{ key: 'valueWon', name: 'Value won (£ thousands)' }];
const thousands = (value: number) => `£${value.toLocaleString('en-GB')}k`;

export function AdminPartnershipsPage() {
  const figures = useQuery(partnershipFiguresQuery());
  if (figures.isPending) return <Spinner />;
  if (figures.error) return <Alert tone="danger">{errorMessage(figures.error)}</Alert>;
  const f = figures.data;
  return (
    <>
      <PageTitle title="Partnerships" lead="Partnerships between mutuals and VCSE organisations: how many formed and what they won." />
      <Card title="In total" level={2}>
        <ul className="stats" aria-label="Partnership figures in total">
          {[
            { label: 'opportunities posted', value: f.posted },
            { label: 'open now', value: f.open },
            { label: 'expressions of interest', value: f.interests },
            { label: 'partnerships formed', value: f.formed },
            { label: 'won', value: f.won },
            { label: 'not won', value: f.lost },
            { label: 'value won', value: pounds(f.valueWon) },
          ].map((figure) => (
            <li key={figure.label} className="stat">
              <span className="stat-value">{figure.value}</span> <span className="stat-label">{figure.label}</span>
            </li>
          ))}
        </ul>
      </Card>
      <ChartWithTable title="Partnerships by sector" labelHeader="Sector" rows={chartRows(f.bySector)} series={SERIES} />
      <ChartWithTable title="Partnerships by region" labelHeader="Region" rows={chartRows(f.byRegion)} series={SERIES} />
      <ChartWithTable
        title="Value won by sector"
        labelHeader="Sector"
        rows={valueRows(f.bySector)}
        series={VALUE_SERIES}
        format={thousands}
      />
      <ChartWithTable
        title="Value won by region"
        labelHeader="Region"
        rows={valueRows(f.byRegion)}
        series={VALUE_SERIES}
        format={thousands}
      />
    </>
  );
}
