import { describe, expect, it } from "vitest";
import { toUnitRows } from "./unit-rows";

describe("toUnitRows", () => {
  it("nests communes under their district, keyed by code", () => {
    const rows = toUnitRows([
      {
        code: "925",
        name: "Cờ Đỏ",
        kind: "RURAL_DISTRICT",
        children: [{ code: "925.01", name: "Cờ Đỏ", kind: "TOWNSHIP", children: [] }],
      },
    ]);
    expect(rows).toEqual([
      {
        key: "925",
        code: "925",
        name: "Cờ Đỏ",
        kind: "RURAL_DISTRICT",
        children: [{ key: "925.01", code: "925.01", name: "Cờ Đỏ", kind: "TOWNSHIP" }],
      },
    ]);
  });

  it("leaves out the children of a leaf so no expand button is drawn", () => {
    const [row] = toUnitRows([{ code: "916.01", name: "Tân An", kind: "WARD", children: [] }]);
    expect(row).not.toHaveProperty("children");
  });
});
