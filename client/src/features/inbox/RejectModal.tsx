import { Alert, Form, Input, Modal, Typography } from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea";
import { useRef, useState } from "react";
import { classifyFailure } from "../../apollo/failure";
import { useI18n } from "../../i18n/context";
import { describeFailure } from "../../i18n/describe-failure";
import type { InboxRow } from "./inbox-rows";

const REASON_MAX = 2000;

/** Không xác nhận: the reason is required, so the member knows what is missing before reporting again. */
export function RejectModal({
  row,
  onReject,
  onClose,
}: {
  row: InboxRow | null;
  /** Resolves when rejected; rejects with the API error (shown here). */
  onReject: (row: InboxRow, reason: string) => Promise<void>;
  onClose: () => void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reasonRef = useRef<TextAreaRef>(null);

  const submit = async () => {
    if (!row) return;
    let reason: string;
    try {
      reason = (await form.validateFields()).reason.trim();
    } catch {
      return; // the form shows what is missing
    }
    setPending(true);
    setError(null);
    try {
      await onReject(row, reason);
      form.resetFields();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  const close = () => {
    setError(null);
    form.resetFields();
    onClose();
  };

  const failure = error ? describeFailure(locale, classifyFailure(error)) : null;
  return (
    <Modal
      open={row !== null}
      title={t("inbox.rejectTitle")}
      okText={t("inbox.reject")}
      okButtonProps={{ danger: true, loading: pending }}
      cancelText={t("inbox.cancel")}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      // The dialog takes the focus when it opens; hand it on to the reason, the one thing to fill in.
      afterOpenChange={(open) => open && reasonRef.current?.focus()}
    >
      {row && (
        <Typography.Paragraph strong style={{ marginBottom: 12 }}>
          {row.pledge.title}
        </Typography.Paragraph>
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={t("inbox.decisionFailed")}
          description={failure.reference ? `${failure.sentence} ${failure.reference}` : failure.sentence}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form form={form} layout="vertical" requiredMark={false} onFinish={() => void submit()}>
        <Form.Item
          name="reason"
          label={t("inbox.reason")}
          rules={[{ required: true, whitespace: true, message: t("inbox.reason.required") }]}
        >
          <Input.TextArea
            ref={reasonRef}
            autoFocus
            rows={4}
            maxLength={REASON_MAX}
            showCount
            placeholder={t("inbox.reason.placeholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
