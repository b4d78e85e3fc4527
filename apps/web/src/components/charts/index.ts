export { ChartWithTable, CHART_COLOURS, type ChartRow, type ChartSeries, type ChartWithTableProps } from './ChartWithTable';
