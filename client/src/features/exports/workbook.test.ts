import ExcelJS from "exceljs";
import { exportedOn, fileSlug, sheetName, workbookBytes } from "./workbook";

describe("the Excel workbook", () => {
  it("has the title, Vietnamese headers in a bold row, and the rows below them", async () => {
    const bytes = await workbookBytes([
      {
        name: "Phần việc 2016",
        title: "Phần việc đăng ký năm 2016 — Chi bộ Ấp Lộc Thạnh",
        subtitle: "Xuất ngày 17/09/2016",
        columns: [
          { header: "STT", width: 6, type: "number" },
          { header: "Phần việc", width: 40 },
          { header: "Hạn hoàn thành", type: "date" },
        ],
        rows: [
          [1, "Nâng cấp 13 km đường giao thông nông thôn", "2016-12-31"],
          [2, "Vận động học bổng", null],
        ],
      },
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const sheet = workbook.getWorksheet("Phần việc 2016");
    expect(sheet).toBeDefined();
    expect(sheet!.getCell("A1").value).toBe("Phần việc đăng ký năm 2016 — Chi bộ Ấp Lộc Thạnh");
    expect(sheet!.getRow(4).values).toEqual([undefined, "STT", "Phần việc", "Hạn hoàn thành"]);
    expect(sheet!.getCell("B4").font?.bold).toBe(true);
    expect(sheet!.getCell("B5").value).toBe("Nâng cấp 13 km đường giao thông nông thôn");
    expect((sheet!.getCell("C5").value as Date).toISOString().slice(0, 10)).toBe("2016-12-31");
    expect(sheet!.getCell("C6").value).toBeNull();
  });
});

describe("names", () => {
  it("keeps sheet names within Excel's rules", () => {
    expect(sheetName("NTM: Cờ Đỏ [2016]")).toBe("NTM  Cờ Đỏ  2016");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
  });

  it("makes file names without diacritics", () => {
    expect(fileSlug("nông thôn mới", "Cờ Đỏ", 2016)).toBe("nong-thon-moi-co-do-2016");
  });

  it("dates the export in Vietnamese", () => {
    expect(exportedOn(new Date(2016, 8, 17))).toMatch(/^Xuất ngày 17\/09\/2016/);
  });
});
