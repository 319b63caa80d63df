import { isPageFor } from "./page-access";

describe("isPageFor", () => {
  it("shows public pages to everyone, anonymous visitors included", () => {
    expect(isPageFor(undefined, null)).toBe(true);
    expect(isPageFor("everyone", null)).toBe(true);
  });

  it("shows signed-in pages to any signed-in user", () => {
    expect(isPageFor("signedIn", null)).toBe(false);
    expect(isPageFor("signedIn", ["VIEWER"])).toBe(true);
  });

  it("shows role pages to users with one of the roles", () => {
    expect(isPageFor(["MEMBER"], ["MEMBER"])).toBe(true);
    expect(isPageFor(["COMMITTEE", "ADMIN"], ["ADMIN", "COMMITTEE"])).toBe(true);
    expect(isPageFor(["COMMITTEE", "ADMIN"], ["VIEWER"])).toBe(false);
    expect(isPageFor(["MEMBER"], null)).toBe(false);
  });
});
