import type { Platform } from '../messages/incoming-message.js';

/** The queue every worker takes jobs from. */
export const JOBS_QUEUE = 'jobs';

/** The outbound queue a platform's sender drains. */
export function outboundQueue(platform: Platform): string {
  return `out-${platform}`;
}
