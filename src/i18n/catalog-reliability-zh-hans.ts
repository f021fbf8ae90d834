/** Simplified Chinese messages of the reliability guards (flood control). */
export const reliabilityZhHans = {
  flood_warning: () => '您发得太快了，请稍等一会儿再发。刚才有几条消息没有处理，过一分钟再发一次就好。',
};
