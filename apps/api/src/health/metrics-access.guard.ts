import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { BlockList, isIPv4 } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig, GenericErrors } from '@mutuals/core';

function addressList(ranges: readonly string[]): BlockList {
  const list = new BlockList();
  list.addSubnet('127.0.0.0', 8, 'ipv4');
  list.addAddress('::1', 'ipv6');
  for (const range of ranges) {
    const [address, prefix] = range.split('/') as [string, string | undefined];
    const family = isIPv4(address) ? 'ipv4' : 'ipv6';
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * /metrics tells an outsider too much (traffic, memory, versions): it answers the METRICS_TOKEN
 * bearer, loopback, and the ranges in METRICS_ALLOW_FROM (e.g. the monitoring network) only.
 * The caller's address is the one TRUST_PROXY makes of it, never one the client chose.
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  private readonly allowed: BlockList;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.allowed = addressList(config.metricsAllowFrom);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (this.config.metricsToken && token && sameSecret(token, this.config.metricsToken)) return true;
    const ip = request.ip.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '');
    if (this.allowed.check(ip, isIPv4(ip) ? 'ipv4' : 'ipv6')) return true;
    throw GenericErrors.forbidden('Metrics are for monitoring: send the METRICS_TOKEN bearer');
  }
}
