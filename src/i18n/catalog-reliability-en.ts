import type { reliabilityZhHans } from './catalog-reliability-zh-hans.js';

/** English messages of the reliability guards (flood control). */
export const reliabilityEn: { [K in keyof typeof reliabilityZhHans]: (typeof reliabilityZhHans)[K] } = {
  flood_warning: () => 'You are sending too fast; some of your last messages were not handled. Please wait a minute and send them again.',
};
