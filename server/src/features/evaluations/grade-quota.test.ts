import { gradeQuota } from "./grade-quota";

describe("gradeQuota (2018: EXCELLENT may not exceed 20% of GOOD)", () => {
  it.each<[string, number, number, boolean, number]>([
    ["5 good, 1 excellent: exactly 20%", 1, 5, false, 1],
    ["5 good, 2 excellent", 2, 5, true, 1],
    ["10 good, 2 excellent: exactly 20%", 2, 10, false, 2],
    ["10 good, 3 excellent", 3, 10, true, 2],
    ["4 good, 1 excellent: 20% of 4 is below 1", 1, 4, true, 0],
    ["no good, 1 excellent", 1, 0, true, 0],
    ["no good, no excellent", 0, 0, false, 0],
    ["9 good, no excellent", 0, 9, false, 1],
  ])("%s", (_label, excellent, good, exceeded, maxExcellent) =>
    expect(gradeQuota(excellent, good)).toEqual({ excellent, good, exceeded, maxExcellent }),
  );
});
