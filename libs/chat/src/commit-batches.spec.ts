import { CommitBatches } from './commit-batches';

/** A commit that records each transaction's jobs and answers once `release` is called. */
function recordingCommit(fail?: (jobs: number[]) => boolean) {
  const transactions: number[][] = [];
  const pending: (() => void)[] = [];
  const commit = (jobs: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      transactions.push(jobs);
      pending.push(() => (fail?.(jobs) ? reject(new Error(`failed ${jobs.join(',')}`)) : resolve(jobs.map((j) => j * 10))));
    });
  const releaseAll = async () => {
    while (pending.length > 0) {
      pending.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { transactions, commit, releaseAll };
}

describe('CommitBatches', () => {
  it('runs a job at once when idle, and lets the jobs that arrive meanwhile share the next transaction', async () => {
    const { transactions, commit, releaseAll } = recordingCommit();
    const batches = new CommitBatches<number, number>(1, 10, commit);
    const results = [1, 2, 3, 4].map((job) => batches.submit(job));
    await releaseAll();
    expect(await Promise.all(results)).toEqual([10, 20, 30, 40]);
    expect(transactions).toEqual([[1], [2, 3, 4]]);
  });

  it('never puts more than maxBatch jobs in one transaction', async () => {
    const { transactions, commit, releaseAll } = recordingCommit();
    const batches = new CommitBatches<number, number>(1, 2, commit);
    const results = [1, 2, 3, 4, 5].map((job) => batches.submit(job));
    await releaseAll();
    await Promise.all(results);
    expect(transactions).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('runs each job of a failed shared transaction again on its own, in order, so only the failing one fails', async () => {
    const { transactions, commit, releaseAll } = recordingCommit((jobs) => jobs.includes(3));
    const batches = new CommitBatches<number, number>(1, 10, commit);
    const results = [1, 2, 3, 4].map((job) => batches.submit(job).catch((error: Error) => error.message));
    await releaseAll();
    expect(await Promise.all(results)).toEqual([10, 20, 'failed 3', 40]);
    expect(transactions).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });
});
