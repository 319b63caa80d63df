import { loadedKeys, searchText, toTreeNode, withChildren } from "./unit-tree";

const city = { code: "92", name: "Cần Thơ", kind: "CITY", level: "CITY" } as const;
const coDo = { code: "925", name: "Cờ Đỏ", kind: "RURAL_DISTRICT", level: "DISTRICT" } as const;
const trungAn = { code: "925.02", name: "Trung An", kind: "COMMUNE", level: "COMMUNE" } as const;
const cell = { code: "925.02.01", name: "Ấp Lộc Thạnh", kind: "HAMLET_CELL", level: "CELL" } as const;

describe("the unit tree", () => {
  it("draws cells as leaves and other units as openable", () => {
    expect(toTreeNode(cell).isLeaf).toBe(true);
    expect(toTreeNode(trungAn).isLeaf).toBe(false);
  });

  it("puts loaded children under the opened node, however deep", () => {
    let tree = [toTreeNode(city)];
    tree = withChildren(tree, "92", [coDo]);
    tree = withChildren(tree, "925", [trungAn]);
    tree = withChildren(tree, "925.02", [cell]);
    expect(tree[0].children?.[0].children?.[0].children?.[0]).toMatchObject({
      key: "925.02.01",
      isLeaf: true,
    });
    expect(loadedKeys(tree)).toEqual(["92", "925", "925.02"]);
  });

  it("turns a unit without children into a leaf once opened", () => {
    const tree = withChildren([toTreeNode(trungAn)], "925.02", []);
    expect(tree[0]).toEqual({ key: "925.02", unit: trungAn, isLeaf: true, children: undefined });
  });

  it("leaves other branches untouched", () => {
    const tree = withChildren([toTreeNode(city)], "92", [coDo, trungAn]);
    const next = withChildren(tree, "925", [cell]);
    expect(next[0].children?.[1]).toBe(tree[0].children?.[1]);
  });
});

describe("searchText", () => {
  it("keeps what the user typed, trimmed, diacritics or not", () => {
    expect(searchText("  co do ")).toBe("co do");
    expect(searchText("Cờ   Đỏ")).toBe("Cờ Đỏ");
    expect(searchText("925.02")).toBe("925.02");
  });

  it("waits for two characters with a letter or digit", () => {
    expect(searchText("c")).toBeNull();
    expect(searchText("  ")).toBeNull();
    expect(searchText("--")).toBeNull();
  });
});
