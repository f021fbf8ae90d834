import type { reliabilityZhHans } from './catalog-reliability-zh-hans.js';

/** English messages of the reliability guards (flood control). */
export const reliabilityEn: { [K in keyof typeof reliabilityZhHans]: (typeof reliabilityZhHans)[K] } = {
  flood_warning: () => 'You are sending too fast; some of your last messages were not handled. Please wait a minute and send them again.',
  command_delayed: () => 'The system is busy right now. Your message has arrived and will be handled when it recovers; no need to send it again.',
  command_failed_outage: () => 'Sorry, the system was unavailable for a long time and your last message could not be handled. Please send it again later or ask your grid worker.',
  private_fallback: () => 'A message could not reach you privately. Open a private chat with me and send "help"; after that I will write to you there.',
};
