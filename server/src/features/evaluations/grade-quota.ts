/**
 * The 2018 rule on final grades: in one Party organisation and year, the members graded EXCELLENT may not
 * exceed 20% of those graded GOOD. The organisation is the member's home unit (the unit whose cell or
 * committee evaluates them; directing members of a district sit at the district). The API warns, it does not
 * refuse: the committee decides, and may be mid-way through grading.
 */
export interface GradeQuota {
  excellent: number;
  good: number;
  /** The most members that may be graded EXCELLENT: floor(20% of GOOD). */
  maxExcellent: number;
  /** True when excellent > 20% of good (so also when good is 0 and someone is EXCELLENT). */
  exceeded: boolean;
}

export function gradeQuota(excellent: number, good: number): GradeQuota {
  // 5 × excellent > good is excellent > 0.2 × good without floating point.
  return { excellent, good, maxExcellent: Math.floor(good / 5), exceeded: excellent * 5 > good };
}
