import { FileExcelOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { useI18n } from "../../i18n/context";
import { downloadWorkbook, type SheetSpec } from "./workbook";

/**
 * "Xuất Excel": builds the sheets when clicked (they may need a fetch of every page first) and downloads the
 * workbook; exceljs itself is loaded only then (workbook.ts imports it dynamically).
 */
export function ExportButton({
  fileName,
  sheets,
  disabled,
}: {
  fileName: string;
  sheets: () => Promise<SheetSpec[]> | SheetSpec[];
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      await downloadWorkbook(fileName, await sheets());
    } catch {
      void message.error(t("export.failed"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button icon={<FileExcelOutlined />} loading={busy} disabled={disabled} onClick={() => void run()}>
      {t("export.xlsx")}
    </Button>
  );
}
