// The words of a problem described without a keyword (我家楼上漏水，滴到厨房了), in folded form
// (simplified, ASCII punctuation). Read by src/commands/readers/problem-report.ts.

/** A hazard that is offered as a ticket wherever it is said: flying-wire charging, gas, live wires. */
export const SAFETY_PROBLEM =
  /飞线|私拉(?:乱接|电线|电)|拉(?:电)?线[^,.!?]{0,8}充电|有人[^,.!?]{0,10}充电|(?:楼道|楼梯|过道|走廊|电梯|车库)[^,.!?]{0,8}充电|电[动瓶]车(?:推)?(?:进|上)(?:了)?(?:楼|电梯|家)|(?:燃气|煤气|天然气)[^,.!?]{0,6}(?:味|泄漏|泄露|漏了|漏气)|(?:燃气|煤气|天然气)管(?:道)?(?:漏|破|坏)|电线(?:裸露|外露|老化|冒烟|起火|着火|打火|掉|垂|断|破|烧)|漏电|(?:电线|电箱|电表箱|配电箱|插座)[^,.!?]{0,4}(?:冒烟|着火|起火|烧焦|打火|冒火花|滋滋)|烧焦味|焦糊味|(?:电箱|电表箱|配电箱)[^,.!?]{0,4}响/;

/** A present problem at a place: something leaking, blocked, broken, piled up, too loud. */
export const PROBLEM =
  /漏水|漏雨|渗水|滴水|水压(?:太|好|很)?(?:小|低|不够)|(?:尿骚|骚|异|尿|怪)味|挡(?:光|阳光)|刷不开|往(?:楼)?下扔|扔烟头|(?:掉|垮|塌)下来|狗[^,.!?]{0,6}(?:叫|吠)|坑坑洼洼|坑洼|烧垃圾|烟(?:好|很|太)大|滴(?:到|在|进)|漏(?:到|进|下来)|挡住了|堵住了|占住了|漏下来|水管(?:爆|破|裂|坏|漏)|爆管|(?:下水道|下水|马桶|地漏|管道|水池)(?:又)?(?:堵|不通|反水|冒)|堵(?:住|死|塞)?了|堵塞|反水|冒水|积水|污水|化粪池|灯[^,.!?]{0,6}(?:坏|不亮|不好使|一直闪|老闪)|黑(?:漆漆|乎乎)|(?:堆|放|塞)(?:满|了|着)?(?:了)?(?:杂物|纸箱|东西|垃圾|旧家具|破烂)|杂物|乱堆|堆(?:了|满|着)(?:好多|很多|一堆|大量|不少|一大堆)|垃圾(?:堆|满|没人|没清|没收|好几天|臭|溢|成山|一大堆|遍地)|没人(?:清|扫|收|修|处理)|臭(?:死|气|味|烘烘|得)|苍蝇|老鼠|蟑螂|狗屎|狗粪|(?:占|堵|挡)(?:用|住|着|了)?(?:了)?(?:消防|生命|出口|通道|车库|路口)|乱停|停(?:在|到)(?:了)?消防|僵尸车|噪音|(?<!装修)太吵|(?<!装修)吵(?:死|得|到)|(?:半夜|深夜|凌晨|晚上十|晚上11|晚上12)[^,.!?]{0,10}(?:装修|唱歌|跳舞|喇叭|敲|吵|打|电钻)|(?:电梯|门禁|单元门|大门|防盗门|监控|摄像头|道闸|井盖|水泵|栏杆|扶手|路面|台阶|晾衣架|健身器材|座椅|窗户|门锁|水龙头)[^,.!?]{0,4}(?:坏|不动|不能用|关不上|打不开|锁不上|停了|故障|困人|丢|没了|松了|塌|断|不抬|不开)|(?:树枝|树|广告牌|墙皮|瓷砖|外墙)(?:要|快)?(?:断|倒|掉|塌|砸)|高空抛物|往下扔|停水好几天|没水好几天/;

/** Where: a building, a room, a part of the home or the estate. */
export const PLACE =
  /\d{1,3}(?:栋|号楼|幢|#|单元|楼)|[一二三四五六七八九十]{1,3}(?:栋|号楼|幢|单元|楼)|楼上|楼下|隔壁|对门|我家|家里|屋里|厨房|卫生间|厕所|客厅|卧室|阳台|天花板|墙|窗|屋顶|门口|楼道|楼梯|过道|走廊|单元|电梯|车库|地下室|小区|大门|[东西南北后侧]门|路口|花园|绿化|广场|垃圾站|垃圾桶|垃圾房|停车场|天台|顶楼|楼顶|篮球场|健身|下水道|化粪池|水管|马桶|地漏|消防通道|通道|车位|围墙|路边|路上|门前|对面|旁边|这边|那边|这里|那里|附近/;

/** Still going on: the problem lasts or keeps coming back. */
export const PERSISTS = /好几天|好多天|几天了|好久|很久|多久了|一直|总是|老是|天天|每天|每晚|又|还在|还是|半个月|一个月|一星期|一个星期|一周|两天|三天|没人(?:管|清|扫|收|修|处理)/;

/** The complaint keyword said at the end (…没人清，投诉). */
export const TRAILING_KEYWORD = /[,.!~、。;:\s](?:我)?(?:要|想)?(?:投诉|报修|反映|举报)(?:一下|下)?[\s,.!~、。]*$/;

/** Already fixed: 昨天修好漏水了，谢谢. */
export const RESOLVED =
  /修好|修完|修了|已修|弄好|搞好|处理好|处理了|处理完|解决了|已解决|清理了|清走了|清干净|清掉了|已清|通了|恢复了|好了|不漏了|没事了|搬走了|拉走了|挪走了|移走了|整改了|表扬/;

/** Notices, news, ads, advice: about problems, not reporting one here and now. */
export const NOT_A_REPORT =
  /通知|公告|温馨提示|提示|【|\[|据|报道|新闻|记者|网友|市民|转发|视频|某小区|别的小区|这种|那种|这类|隔壁小区|老家|公司|单位|学校|单位里|如果|要是|万一|不要|别(?:再|乱|在|把|让|往)|禁止|严禁|请勿|以免|防止|预防|建议|专业|上门|疏通服务|(?:联系|维修|服务)电话|电话[:：]?\d|价格|优惠|加我|以前|之前|去年|上次|上回|小时候|那年|梦见|听说|是不是|会不会|怎么防|宣传|安全知识|消防演练|演练|培训|下周|计划|将于|预计|排查|充电桩|充电站|充电柜|充电棚|找谁|谁赔|赔偿|怎么赔|法律|律师|保险|漏水险/;

/** Advice to neighbours (小心地滑，楼下有积水): not a report, unless it warns of a hazard. */
export const ADVICE = /小心|注意|当心/;

/** A question to neighbours (你家漏水吗？); a question asking for help (有没有人管？) still reports. */
export const QUESTION = /[吗呢?]|么$|^谁(?:家|的)/;
export const ASKS_FOR_HELP = /有没有人管|谁管|没人管|怎么办|管一管|管管|能不能|可不可以|可以.{0,6}(?:处理|修|清|管)|(?:来|帮忙|帮).{0,4}(?:处理|修|清|看看)|处理一下|修一下|清一下/;

/** Saying it did not happen: 没漏水, 不堵. */
export const NEGATED = /(?:没|没有|不|未|无)(?:再)?(?:漏水|漏|堵|积水|坏|吵|乱停|飞线|充电)/;

/** The same in English, for members who write it (the drain outside building 8 is blocked again). */
export const PROBLEM_EN =
  /\b(?:leak(?:s|ing)?|blocked|clogged|flooded|flooding|broken|not working|overflowing|piled up|dumped|smells? (?:of gas|awful|terrible)|lights?\b.{0,30}\b(?:are|is) (?:out|off|not working|broken)|lights? (?:out|off|not working|broken)|barks?|barking|dripping|drips|gas smell|flying wires?|charging (?:an? |his |her |their )?e-?bikes?|bare wires?|sparking)\b/;
export const SAFETY_EN = /\b(?:smells? of gas|gas smell|gas leak|flying wires?|charging (?:an? |his |her |their )?e-?bikes? (?:in|on)|bare wires?|sparking)\b/;
export const PLACE_EN = /\b(?:building \d+|block \d+|unit \d+|flat|upstairs|downstairs|kitchen|bathroom|ceiling|stairwell|staircase|corridor|hallway|outside|entrance|gate|lift|elevator|car park|garage|again|for days|still|every night|all night|flat above|next door)\b/;
export const NOT_A_REPORT_EN = /\b(?:fixed|repaired|sorted|thanks?|thank you|news|if|yesterday's|last year|used to|don't|do not|never)\b|\?/;
