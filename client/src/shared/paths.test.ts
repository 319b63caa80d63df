import { unitCodeOfPath, unitPath } from "./paths";

describe("unit paths", () => {
  it("go to and from a unit's code", () => {
    expect(unitPath("925.02.01")).toBe("/units/925.02.01");
    expect(unitCodeOfPath("/units/925.02.01")).toBe("925.02.01");
    expect(unitCodeOfPath("/units/925/")).toBe("925");
  });

  it("are not found on the tree page, deeper paths or broken escapes", () => {
    expect(unitCodeOfPath("/units")).toBeNull();
    expect(unitCodeOfPath("/units/925/x")).toBeNull();
    expect(unitCodeOfPath("/units/%E0%A4%A")).toBeNull();
  });
});
