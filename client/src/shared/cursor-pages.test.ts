import { FIRST_PAGE, nextPage, pageRange, previousPage } from "./cursor-pages";

describe("cursor pages", () => {
  it("go forward with each page's end cursor and back to the cursors seen before", () => {
    const second = nextPage(FIRST_PAGE, "c100");
    const third = nextPage(second, "c200");
    expect([second.after, second.index, third.after, third.index]).toEqual(["c100", 1, "c200", 2]);
    const back = previousPage(third);
    expect([back.after, back.index]).toEqual(["c100", 1]);
    const first = previousPage(back);
    expect([first.after, first.index]).toEqual([null, 0]);
    expect(previousPage(first)).toBe(first);
  });

  it("say which items a page shows", () => {
    expect(pageRange(0, 100, 100, 250)).toEqual({ from: 1, to: 100, total: 250 });
    expect(pageRange(2, 100, 50, 250)).toEqual({ from: 201, to: 250, total: 250 });
    expect(pageRange(0, 100, 0, 0)).toEqual({ from: 0, to: 0, total: 0 });
  });
});
