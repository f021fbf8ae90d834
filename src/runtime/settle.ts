import type { Queue } from 'bullmq';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until a job has finished (completed, failed for good, or been removed). */
export async function waitForJob(queue: Queue, jobId: string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const job = await queue.getJob(jobId);
    if (!job) return;
    const state = await job.getState();
    if (state === 'completed' || state === 'failed' || state === 'unknown') return;
    await sleep(10);
  }
}

/** Wait until a queue has nothing waiting, delayed or running. */
export async function waitForEmpty(queue: Queue, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(c).every((n) => n === 0)) return;
    // The next run of a job scheduler (weekly notice, reminders) waits in 'delayed' for good: not pending work.
    if (c.waiting + c.active + c.prioritized === 0 && (await queue.getJobs(['delayed'], 0, 200)).every((j) => j.repeatJobKey)) return;
    await sleep(10);
  }
}
