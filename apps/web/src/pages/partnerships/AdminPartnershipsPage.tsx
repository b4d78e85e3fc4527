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
const valueRows = (rows: PartnershipFiguresRow[]) => rows.map((r) => ({ label: r.name, valueWon: r.valueWon }));

export function AdminPartnershipsPage() {
  const figures = useQuery(partnershipFiguresQuery());
  if (figures.isPending) return <Spinner />;
  if (figures.error) return <Alert tone="danger">{errorMessage(figures.error)}</Alert>;
  const f = figures.data;
  return (
    <>
      <PageTitle title="Partnerships" lead="Partnerships between mutuals and VCSE organisations: how many formed and what they won." />
      <Card title="In total" level={2}>
        <dl className="figures">
          <dt>Opportunities posted</dt>
          <dd>{f.posted}</dd>
          <dt>Open now</dt>
          <dd>{f.open}</dd>
          <dt>Expressions of interest</dt>
          <dd>{f.interests}</dd>
          <dt>Partnerships formed</dt>
          <dd>{f.formed}</dd>
          <dt>Won</dt>
          <dd>{f.won}</dd>
          <dt>Not won</dt>
          <dd>{f.lost}</dd>
          <dt>Value won</dt>
          <dd>{pounds(f.valueWon)}</dd>
        </dl>
      </Card>
      <ChartWithTable title="Partnerships by sector" labelHeader="Sector" rows={chartRows(f.bySector)} series={SERIES} />
      <ChartWithTable title="Partnerships by region" labelHeader="Region" rows={chartRows(f.byRegion)} series={SERIES} />
      <ChartWithTable
        title="Value won by sector"
        labelHeader="Sector"
        rows={valueRows(f.bySector)}
        series={[{ key: 'valueWon', name: 'Value won' }]}
        format={(value) => pounds(value)}
      />
      <ChartWithTable
        title="Value won by region"
        labelHeader="Region"
        rows={valueRows(f.byRegion)}
        series={[{ key: 'valueWon', name: 'Value won' }]}
        format={(value) => pounds(value)}
      />
    </>
  );
}
