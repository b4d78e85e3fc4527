export { ProgrammeModule } from './programme.module';
export { ProgrammeMetricsService } from './programme-metrics.service';
