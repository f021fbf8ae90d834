/** The seven kinds of people an authorization test tries each command as, in the demo estate 聚心苑. */
export type Actor = 'stranger' | 'otherResident' | 'resident' | 'head' | 'otherGridWorker' | 'gridWorker' | 'admin';

/** Their console names: 向大叔 is bound to 8-2-301 and 邻居乙 to 8-2-302 by the tests; 周阿姨 heads
 *  building 8; 刘雅玲 is the grid worker of zone 3 (buildings 7–9), 王建国 of zone 1; 戴红霞 is admin. */
export const NAMES: Record<Actor, string> = {
  stranger: '路人甲',
  otherResident: '邻居乙',
  resident: '向大叔',
  head: '周阿姨',
  otherGridWorker: '王建国',
  gridWorker: '刘雅玲',
  admin: '戴红霞',
};

export const ACTORS = Object.keys(NAMES) as Actor[];
