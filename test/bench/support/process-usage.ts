// CPU time and resident memory of other processes, from /proc (zeros where that is unavailable):
// what a server spent on a load, measured from outside it.
import { readFileSync } from 'node:fs';
import { rssOf } from '../../support/server-process';

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used so far. */
export function cpuSecondsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Samples a set of processes while a load runs: CPU used between start() and stop(), peak RSS. */
export class UsageMeter {
  private startedAt = 0;
  private cpuAtStart = 0;
  private peakRss = 0;
  private sampler: NodeJS.Timeout | null = null;

  constructor(private readonly pids: (number | undefined)[]) {}

  private cpu(): number {
    return this.pids.reduce<number>((sum, pid) => sum + cpuSecondsOf(pid), 0);
  }

  private rss(): number {
    return this.pids.reduce<number>((sum, pid) => sum + rssOf(pid), 0);
  }

  start(): void {
    this.startedAt = performance.now();
    this.cpuAtStart = this.cpu();
    this.peakRss = this.rss();
    this.sampler = setInterval(() => (this.peakRss = Math.max(this.peakRss, this.rss())), 500);
  }

  /** CPU seconds used, CPU share of one core (1 = a whole core), peak and current RSS in MB. */
  stop(): { cpuSeconds: number; cores: number; peakRssMb: number; rssMb: number } {
    if (this.sampler) clearInterval(this.sampler);
    const cpuSeconds = this.cpu() - this.cpuAtStart;
    const rss = this.rss();
    return {
      cpuSeconds,
      cores: cpuSeconds / ((performance.now() - this.startedAt) / 1000),
      peakRssMb: Math.max(this.peakRss, rss) / 1024 / 1024,
      rssMb: rss / 1024 / 1024,
    };
  }
}
