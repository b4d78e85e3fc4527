import { Controller, Get, Header, Module, ServiceUnavailableException, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { collectDefaultMetrics, register } from 'prom-client';
import { Endpoint, GenericErrors, RedisService } from '@mutuals/core';
import { Public } from '@mutuals/identity';
import { MetricsAccessGuard } from './metrics-access.guard';

collectDefaultMetrics();

@ApiTags('operations')
@Public()
@Controller()
class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly redis: RedisService,
  ) {}

  @Endpoint({ summary: 'Liveness: the process is up', response: "{ status: 'ok' }", errors: [] })
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  /**
   * 503 only when this replica cannot serve (no database). Redis down is 200 "degraded": every
   * replica shares the one Redis, so failing readiness would take them all out of the balancer,
   * while without it they still serve everything but cross-replica fan-out and shared limits.
   */
  @Endpoint({
    summary: 'Readiness: 503 while the database is unreachable, 200 degraded without Redis',
    response: "{ status: 'ok' | 'degraded'; checks: { database: 'up' | 'down'; redis: 'up' | 'down' | 'not configured' } }",
    errors: [],
  })
  @Get('health/ready')
  async ready() {
    const database = await this.dataSource.query('SELECT 1').then(
      () => true,
      () => false,
    );
    const redis = this.redis.enabled ? await this.redis.ping() : null;
    const checks = { database: database ? 'up' : 'down', redis: redis === null ? 'not configured' : redis ? 'up' : 'down' };
    if (!database) throw new ServiceUnavailableException(`Not ready: ${JSON.stringify(checks)}`);
    return { status: redis === false ? 'degraded' : 'ok', checks };
  }

  @Endpoint({
    summary: 'Prometheus metrics (loopback, METRICS_ALLOW_FROM or the METRICS_TOKEN bearer)',
    response: null,
    produces: 'text/plain',
    errors: [GenericErrors.forbidden],
  })
  @Get('metrics')
  @UseGuards(MetricsAccessGuard)
  @Header('Content-Type', register.contentType)
  metrics() {
    return register.metrics();
  }
}

@Module({ controllers: [HealthController] })
export class HealthModule {}
