import { pageForPath } from "./navigation";

describe("pageForPath", () => {
  it("finds each page by its path, with or without a trailing slash", () => {
    expect(pageForPath("/")).toBe("overview");
    expect(pageForPath("/units")).toBe("units");
    expect(pageForPath("/my-work/")).toBe("myWork");
    expect(pageForPath("/explorer")).toBe("explorer");
  });

  it("gives a page the paths below its own", () => {
    expect(pageForPath("/units/925.03")).toBe("units");
  });

  it("falls back to the overview for unknown paths, without matching prefixes of other words", () => {
    expect(pageForPath("/nowhere")).toBe("overview");
    expect(pageForPath("/unitsx")).toBe("overview");
  });
});
