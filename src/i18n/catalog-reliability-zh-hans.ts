/** Simplified Chinese messages of the reliability guards (flood control). */
export const reliabilityZhHans = {
  flood_warning: () => '您发得太快了，请稍等一会儿再发。刚才有几条消息没有处理，过一分钟再发一次就好。',
  command_delayed: () => '系统暂时忙不过来，您的消息已收到，会在恢复后自动处理，不用再发一次。',
  command_failed_outage: () => '抱歉，系统长时间不可用，您刚才的消息没能处理。请稍后再发一次，或联系网格员。',
  private_fallback: () => '有一条消息没能私信发给您。请点开我的头像，私聊发送“帮助”，之后的消息我会私信发给您。',
};
