import { peopleAccess } from "./people-access";

const coDo = { code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT" } as const;

describe("peopleAccess", () => {
  it("asks anonymous visitors to sign in", () => {
    expect(peopleAccess(false, "925", undefined)).toEqual({ kind: "anonymous" });
  });

  it("shows the people of a unit in the user's subtree", () => {
    expect(peopleAccess(true, "925", coDo)).toEqual({ kind: "full" });
  });

  it("points to the user's own unit when it lies below the unit shown", () => {
    expect(peopleAccess(true, "92", coDo)).toEqual({ kind: "partial", own: coDo });
  });

  it("says the unit is outside the user's scope when nothing of it is visible", () => {
    expect(peopleAccess(true, "927", null)).toEqual({ kind: "outside" });
  });
});
