// One chart and, beside it, the same figures as a table. The drawing (recharts) is hidden from
// assistive technology; the <table> (caption, th scope) is what screen readers read, what a
// coordinator copies into a spreadsheet, and what a printed report keeps when the SVG is small.
import type { ReactNode } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { cx } from '../cx';

/** One row of the chart: its label (the x axis, the table's row header) and a value per series. */
export type ChartRow = { label: string } & Record<string, number | string | null>;

export interface ChartSeries {
  /** The row property holding this series' value. */
  key: string;
  /** Column header and legend entry. */
  name: string;
}

export interface ChartWithTableProps {
  /** Heading of the chart and caption of its table. */
  title: string;
  /** A sentence under the heading: what is counted and how. */
  description?: ReactNode;
  rows: ChartRow[];
  series: ChartSeries[];
  /** `bar` (default; categories) or `line` (a time series). */
  kind?: 'bar' | 'line';
  /** Bars side by side (default) or stacked. */
  stacked?: boolean;
  /** Heading level, 2 (default) or 3. */
  level?: 2 | 3;
  /** How a value is written in the table and the tooltip (default: as is, `–` for null). */
  format?: (value: number) => string;
  /** Header of the table's first column (default "Category"). */
  labelHeader?: string;
  /** Drawing height in pixels (default 240). */
  height?: number;
  /** A long table (a weekly series) scrolls in a box of its own, reachable by keyboard. */
  scrollTable?: boolean;
  className?: string;
}

// Each colour has at least 3:1 contrast against white (WCAG 1.4.11, graphical objects).
export const CHART_COLOURS = ['#0b5563', '#b35c00', '#5b3f8c', '#1e6b3a', '#a4262c', '#0b4f8a', '#6b5900'];

const asNumber = (value: ChartRow[string]) => (typeof value === 'number' ? value : null);

export function ChartWithTable({
  title,
  description,
  rows,
  series,
  kind = 'bar',
  stacked = false,
  level = 2,
  format = String,
  labelHeader = 'Category',
  height = 240,
  scrollTable = false,
  className,
}: ChartWithTableProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  const show = (value: ChartRow[string]) => {
    const number = asNumber(value);
    return number === null ? '–' : format(number);
  };
  const common = { data: rows, margin: { top: 8, right: 8, bottom: 8, left: 0 }, accessibilityLayer: false };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} />
      <XAxis dataKey="label" interval="preserveStartEnd" tick={{ fontSize: 12 }} />
      <YAxis allowDecimals={false} width={40} tick={{ fontSize: 12 }} />
      <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : String(value))} isAnimationActive={false} />
      {series.length > 1 && <Legend />}
    </>
  );

  return (
    <section className={cx('chart-with-table', className)}>
      <Heading className="chart-title">{title}</Heading>
      {description && <p className="muted chart-description">{description}</p>}
      <div className="chart-body">
        <div className="chart-drawing" aria-hidden="true">
          {rows.length === 0 ? (
            <p className="muted">Nothing to draw for these filters.</p>
          ) : (
            <ResponsiveContainer width="100%" height={height}>
              {kind === 'line' ? (
                <LineChart {...common}>
                  {axes}
                  {series.map((s, index) => (
                    <Line
                      key={s.key}
                      dataKey={s.key}
                      name={s.name}
                      stroke={CHART_COLOURS[index % CHART_COLOURS.length]}
                      strokeWidth={2}
                      isAnimationActive={false}
                      connectNulls
                    />
                  ))}
                </LineChart>
              ) : (
                <BarChart {...common}>
                  {axes}
                  {series.map((s, index) => (
                    <Bar
                      key={s.key}
                      dataKey={s.key}
                      name={s.name}
                      fill={CHART_COLOURS[index % CHART_COLOURS.length]}
                      stackId={stacked ? 'stack' : undefined}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              )}
            </ResponsiveContainer>
          )}
        </div>
        <div
          className={cx('chart-table', scrollTable && 'chart-table-scroll')}
          {...(scrollTable && { tabIndex: 0, role: 'region', 'aria-label': `${title}, table` })}
        >
          <table className="table table-compact">
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                {series.map((s) => (
                  <th scope="col" key={s.key} className="numeric">
                    {s.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={series.length + 1}>None</td>
                </tr>
              ) : (
                rows.map((row) => (
                  <tr key={row.label}>
                    <th scope="row">{row.label}</th>
                    {series.map((s) => (
                      <td key={s.key} className="numeric" data-label={s.name}>
                        {show(row[s.key])}
                      </td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
