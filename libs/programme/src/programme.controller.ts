import { Controller, Get, Header, Param, ParseEnumPipe, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PROGRAMME_REPORTS, type ProgrammeMetricsView, type ProgrammeReport } from '@mutuals/contracts';
import { Endpoint } from '@mutuals/core';
import { CoordinatorOnly } from '@mutuals/identity';
import { ProgrammeMetricsQueryDto } from './programme.dto';
import { ProgrammeMetricsService } from './programme-metrics.service';
import { ProgrammeReportsService } from './programme-reports.service';

/** The coordinator's console: the dashboard's figures and the funder's CSV reports (coordinators and admins only). */
@ApiTags('admin')
@CoordinatorOnly()
@Controller('admin')
export class ProgrammeController {
  constructor(
    private readonly metrics: ProgrammeMetricsService,
    private readonly reports: ProgrammeReportsService,
  ) {}

  @Endpoint({
    summary: 'The programme dashboard: reach, mentoring funnel, match rate, engagement, satisfaction, attention, activity',
    description:
      'Every figure a SQL aggregate over one read-only snapshot, for the period (`from`..`to`, UTC days, default the last twelve months) and the members chosen by sector, region and cohort (month of joining).',
    response: 'ProgrammeMetricsView',
    errors: [],
  })
  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  getMetrics(@Query() query: ProgrammeMetricsQueryDto): Promise<ProgrammeMetricsView> {
    return this.metrics.metrics(query);
  }

  @Endpoint({
    summary: 'Download a report as CSV: members, organisations, mentorships, sessions or outcomes',
    description:
      'The populations and figures the dashboard counts for the same filters; UTF-8 with a byte order mark, cells that would start a spreadsheet formula prefixed with an apostrophe. No goals, notes or feedback.',
    response: null,
    produces: 'text/csv',
    errors: [],
  })
  @Get('reports/:report.csv')
  async getReport(
    @Param('report', new ParseEnumPipe(Object.fromEntries(PROGRAMME_REPORTS.map((name) => [name, name])))) report: ProgrammeReport,
    @Query() query: ProgrammeMetricsQueryDto,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const csv = await this.reports.report(report, query);
    const day = new Date().toISOString().slice(0, 10);
    reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="mutuals-${report}-${day}.csv"`)
      .header('Cache-Control', 'no-store')
      .send(csv);
  }
}
