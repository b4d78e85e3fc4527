import { Controller, Get, Header, Param, ParseEnumPipe, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PROGRAMME_REPORTS, type ProgrammeMetricsView, type ProgrammeReport } from '@mutuals/contracts';
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

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  getMetrics(@Query() query: ProgrammeMetricsQueryDto): Promise<ProgrammeMetricsView> {
    return this.metrics.metrics(query);
  }

  @Get('reports/:report.csv')
  @ApiProduces('text/csv')
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
