/**
 * Tables people report upward, as Excel workbooks made in the browser. exceljs is loaded only when someone
 * exports (a separate chunk of ~900 kB), so the app's first load does not carry it.
 */

export type CellValue = string | number | null | undefined;

export interface SheetColumn {
  /** The column's heading, in Vietnamese whatever the interface language: the file is reported upward. */
  header: string;
  /** Width in characters. */
  width?: number;
  /** `date` cells are ISO days (`2016-09-17`) written as Excel dates shown dd/mm/yyyy. */
  type?: "text" | "number" | "date";
}

export interface SheetSpec {
  /** The tab's name; cut to Excel's 31 characters and cleared of the characters it refuses. */
  name: string;
  /** The first line above the table, e.g. "Phần việc đăng ký năm 2016 — Chi bộ Ấp Lộc Thạnh". */
  title: string;
  /** A second line, e.g. the export date. */
  subtitle?: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

const MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** Rows above the table: the title, the subtitle, a blank line. */
const HEADER_ROW = 4;

export function sheetName(name: string): string {
  return (
    name
      .replace(/[\\/?*[\]:]/g, " ")
      .slice(0, 31)
      .trim() || "Sheet1"
  );
}

/** The local day (`2016-09-17`) of a date-time the API sends in UTC; a plain day is returned as it is. */
export function localDay(value: string | null | undefined): string | null {
  if (!value) return null;
  if (!value.includes("T")) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An ISO day as the Date Excel stores (days are written in UTC, which exceljs converts without shifting). */
function excelDate(value: CellValue): Date | CellValue {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const [year, month, day] = value.slice(0, 10).split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

/** The workbook's bytes (.xlsx): a title, then a bold, frozen, filterable header row and the rows. */
export async function workbookBytes(sheets: readonly SheetSpec[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Cán bộ phụ trách";
  workbook.created = new Date();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(sheetName(spec.name), {
      views: [{ state: "frozen", ySplit: HEADER_ROW }],
    });
    sheet.getCell(1, 1).value = spec.title;
    sheet.getCell(1, 1).font = { bold: true, size: 14 };
    if (spec.subtitle) sheet.getCell(2, 1).value = spec.subtitle;

    spec.columns.forEach((column, index) => {
      const cell = sheet.getCell(HEADER_ROW, index + 1);
      cell.value = column.header;
      cell.font = { bold: true };
      cell.alignment = { vertical: "middle", wrapText: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6F0FF" } };
      sheet.getColumn(index + 1).width = column.width ?? 14;
      if (column.type === "date") sheet.getColumn(index + 1).numFmt = "dd/mm/yyyy";
    });
    spec.rows.forEach((row, rowIndex) => {
      row.forEach((value, index) => {
        if (value === null || value === undefined || value === "") return;
        const cell = sheet.getCell(HEADER_ROW + 1 + rowIndex, index + 1);
        cell.value = spec.columns[index]?.type === "date" ? excelDate(value) : value;
        cell.alignment = { vertical: "top", wrapText: true };
      });
    });
    if (spec.columns.length > 0) {
      sheet.autoFilter = {
        from: { row: HEADER_ROW, column: 1 },
        to: { row: HEADER_ROW + spec.rows.length, column: spec.columns.length },
      };
    }
  }
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

/** Makes the workbook and hands it to the browser as a download named `fileName` (.xlsx added if missing). */
export async function downloadWorkbook(fileName: string, sheets: readonly SheetSpec[]): Promise<void> {
  const bytes = await workbookBytes(sheets);
  const url = URL.createObjectURL(new Blob([bytes], { type: MIME }));
  try {
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName.endsWith(".xlsx") ? fileName : `${fileName}.xlsx`;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** "Xuất ngày 17/09/2016": the line under the title, in Vietnamese. */
export function exportedOn(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `Xuất ngày ${pad(now.getDate())}/${pad(now.getMonth() + 1)}/${now.getFullYear()} từ hệ thống Cán bộ phụ trách`;
}

/** A file name without diacritics or spaces: "phan-viec-925.02.01-2016". */
export function fileSlug(...parts: (string | number)[]): string {
  return parts
    .map((part) =>
      String(part)
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/đ/g, "d")
        .replace(/Đ/g, "D")
        .replace(/[^\w.-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .toLowerCase(),
    )
    .filter(Boolean)
    .join("-");
}
