import { Form, Input, Typography } from "antd";
import { useI18n } from "../../i18n/context";
import { MutationFormModal } from "../../shared/MutationFormModal";
import type { InboxRow } from "./inbox-rows";

const REASON_MAX = 2000;

/** Không xác nhận: the reason is required, so the member knows what is missing before reporting again. */
export function RejectModal({
  row,
  onReject,
  onClose,
}: {
  row: InboxRow;
  /** Resolves when rejected (or when the list learnt it was decided meanwhile); rejects with the API error. */
  onReject: (row: InboxRow, reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <MutationFormModal<{ reason: string }>
      title={t("inbox.rejectTitle")}
      okText={t("inbox.reject")}
      danger
      intro={
        <Typography.Paragraph strong style={{ margin: 0 }}>
          {row.pledge.title}
        </Typography.Paragraph>
      }
      // The inbox says the outcome and closes the dialog itself.
      onSubmit={({ reason }) => onReject(row, reason.trim())}
      onClose={onClose}
      onDone={() => undefined}
    >
      <Form.Item
        name="reason"
        label={t("inbox.reason")}
        rules={[{ required: true, whitespace: true, message: t("inbox.reason.required") }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={REASON_MAX}
          showCount
          placeholder={t("inbox.reason.placeholder")}
        />
      </Form.Item>
    </MutationFormModal>
  );
}
