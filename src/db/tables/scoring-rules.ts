// The shapes of the 红"栋"力 JSON columns: the rules as stored, and the score of a unit as published.

/** One thing the panel scores, 0..maxPoints whole points. */
export interface Criterion {
  key: string;
  name: string;
  maxPoints: number;
  /** Short words panelists type (卫生18), folded form. */
  words: string[];
}

/** Points added for each occurrence the panel records (a student admitted to university). */
export interface BonusItem {
  key: string;
  name: string;
  points: number;
  words: string[];
}

/** A confirmed item voids the unit's month; tickets of `ticketCategory` propose it. */
export interface VetoItem {
  key: string;
  name: string;
  ticketCategory: string;
}

/** Tickets of `ticketCategory` propose a deduction of `points` from `criterion`, unless they name an exemption. */
export interface Deduction {
  name: string;
  ticketCategory: string;
  criterion: string;
  points: number;
}

/** What is not held against a unit (a wheelchair in the stairwell is not clutter). */
export interface Exemption {
  name: string;
  words: string[];
}

/** The year-end subsidy: units with the most flags, and the 三长 (building and unit heads). */
export interface YearEndRewards {
  /** Units ranked by flags over the year, this many places (ties share a place). */
  topUnits: number;
  /** Each household of a winning unit: this percent of a year's fee. */
  unitPercent: number;
  headsPercent: number;
  /** Added for a head an admin marked diligent. */
  diligentExtraPercent: number;
}

/** An estate's 红"栋"力 rules: data, shown to residents, versioned by the month they take effect. */
export interface ScoringRules {
  /** Building codes whose units are scored; empty: every unit of the estate. */
  buildings: string[];
  criteria: Criterion[];
  bonuses: BonusItem[];
  vetoes: VetoItem[];
  deductions: Deduction[];
  exemptions: Exemption[];
  flagsPerMonth: number;
  /** From this many panelists on, the highest and lowest total are dropped. */
  trimFrom: number;
  /** Fewer panelists than this: the unit is not scored this month. */
  minPanelists: number;
  /** Criteria compared in order when totals are equal; still equal: the same place. */
  tieBreak: string[];
  /** Local day of the month the round closes at its end. */
  closeDay: number;
  /** Days after publication a resident of the unit may appeal. */
  appealDays: number;
  yearEnd: YearEndRewards;
}

/** A unit's month: every figure in hundredths of a point. */
export interface UnitScore {
  unitId: number;
  status: 'scored' | 'vetoed' | 'unscored';
  /** Complete cards received, and how many counted after trimming. */
  cards: number;
  counted: number;
  trimmed: boolean;
  /** Mean per criterion over the counted cards. */
  byCriterion: Record<string, number>;
  /** Mean of the counted cards' totals. */
  base: number;
  deduction: number;
  bonus: number;
  /** base − deduction + bonus; null when vetoed or unscored. */
  total: number | null;
  /** Veto items confirmed (their keys). */
  vetoes: string[];
}
