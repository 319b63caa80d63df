import { defaultDistrict } from "./ntm-scope";

const districts = [
  { code: "918", kind: "URBAN_DISTRICT" },
  { code: "925", kind: "RURAL_DISTRICT" },
  { code: "927", kind: "RURAL_DISTRICT" },
] as const;

describe("defaultDistrict", () => {
  it("opens on the user's district, or the district of their commune or cell", () => {
    expect(defaultDistrict(districts, "927")).toBe("927");
    expect(defaultDistrict(districts, "927.04.02")).toBe("927");
  });

  it("opens on the first rural district for the city and anonymous visitors", () => {
    expect(defaultDistrict(districts, "92")).toBe("925");
    expect(defaultDistrict(districts, undefined)).toBe("925");
  });

  it("has nothing to open without districts", () => {
    expect(defaultDistrict([], "92")).toBeNull();
  });
});
