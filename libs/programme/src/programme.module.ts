import { Module } from '@nestjs/common';
import { IdentityModule } from '@mutuals/identity';
import { ProgrammeController } from './programme.controller';
import { ProgrammeMetricsService } from './programme-metrics.service';
import { ProgrammeReportsService } from './programme-reports.service';
import { ReportingRepository } from './reporting.repository';

/** The coordinator's console: figures and reports over the whole programme, read-only. */
@Module({
  imports: [IdentityModule],
  controllers: [ProgrammeController],
  providers: [ReportingRepository, ProgrammeMetricsService, ProgrammeReportsService],
})
export class ProgrammeModule {}
