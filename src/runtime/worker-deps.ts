import type { WorkerDeps } from '../../jobs/worker-deps.js';
import { sharedChartRenderer } from '../charts/threaded-renderer.js';
import { systemClock, type Clock } from '../clock.js';
import { queueOutbound } from '../outbound/queue-outbound.js';
import { jobsQueue } from '../queue/jobs-queue.js';
import { queueSchedulerPort } from './schedules.js';
import type { Services } from './services.js';

/** Processor dependencies on real services. */
export function workerDeps(services: Services, clock: Clock = systemClock): WorkerDeps {
  return {
    db: services.db,
    clock,
    outbound: queueOutbound(services.factory),
    log: services.log,
    schedules: queueSchedulerPort(jobsQueue(services.factory)),
    web: { baseUrl: services.config.webBaseUrl, linkMinutes: services.config.webLinkMinutes },
    charts: sharedChartRenderer(),
  };
}
