/**
 * Group commit for the hottest write: at most `concurrency` transactions in flight, and the jobs
 * that arrive meanwhile share the next one (up to `maxBatch`). An idle server runs each job at once
 * in a transaction of its own; a busy one pays one BEGIN, one COMMIT (and one WAL flush) for many.
 * When a shared transaction fails, nothing of it was stored, and each of its jobs runs again in a
 * transaction of its own, so a job fails only for its own reason.
 */
export class CommitBatches<Job, Result> {
  private readonly waiting: { job: Job; resolve: (result: Result) => void; reject: (error: unknown) => void }[] = [];
  private running = 0;

  constructor(
    private readonly concurrency: number,
    private readonly maxBatch: number,
    /** Runs the jobs in one transaction; answers their results in the jobs' order. */
    private readonly commit: (jobs: Job[]) => Promise<Result[]>,
  ) {}

  submit(job: Job): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ job, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.running++;
      void this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(batch: typeof this.waiting): Promise<void> {
    try {
      const results = await this.commit(batch.map((entry) => entry.job));
      batch.forEach((entry, i) => entry.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // In order, so that a conversation's messages keep the order they arrived in.
      for (const entry of batch) {
        try {
          entry.resolve((await this.commit([entry.job]))[0]!);
        } catch (alone) {
          entry.reject(alone);
        }
      }
    }
  }
}
