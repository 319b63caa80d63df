import { useMutation } from "@apollo/client/react";
import { App, Flex, Form, Input, InputNumber, Modal, Select, Typography } from "antd";
import { useMemo } from "react";
import { ReportPledgeDocument, type MyPledgeFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { IdempotencyKeys } from "../../shared/idempotency";
import { MutationFailure } from "../../shared/MutationFailure";
import {
  isEvidenceLink,
  MAX_EVIDENCE_LINKS,
  reportFormValues,
  toReportPledgeInput,
  type ReportFormValues,
} from "./pledge-forms";

/** Báo cáo hoàn thành: what was achieved and the evidence, sent to the committee above to confirm. */
export function ReportPledgeModal({
  pledge,
  onClose,
  onDone,
}: {
  pledge: MyPledgeFieldsFragment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReportFormValues>();
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const [report, { loading, error, reset }] = useMutation(ReportPledgeDocument);

  const submit = async (values: ReportFormValues) => {
    const input = toReportPledgeInput(pledge, values);
    try {
      await report({ variables: { input, idempotencyKey: keys.keyFor(input) } });
      keys.done();
      void message.success(t("myWork.report.done"));
      onDone();
    } catch {
      // said by <MutationFailure>
    }
  };

  return (
    <Modal
      open
      title={t("myWork.report.title")}
      okText={t("myWork.report")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
      width={560}
    >
      <Flex vertical gap="middle">
        <Typography.Text strong>{pledge.title}</Typography.Text>
        {pledge.status === "REJECTED" && pledge.rejectionReason && (
          <Typography.Text type="danger">
            {t("myWork.rejectedBecause", { reason: pledge.rejectionReason })}
          </Typography.Text>
        )}
        <MutationFailure error={error} onClose={reset} />
        <Form<ReportFormValues>
          form={form}
          layout="vertical"
          initialValues={reportFormValues(pledge)}
          onFinish={(values) => void submit(values)}
          onValuesChange={() => error && reset()}
        >
          <Form.Item
            name="reportNote"
            label={t("pledge.reportNote")}
            rules={[{ required: true, whitespace: true, message: t("myWork.report.noteRequired") }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus />
          </Form.Item>
          <Form.Item
            name="achievedQuantity"
            label={
              pledge.targetUnit ? t("pledge.achievedIn", { unit: pledge.targetUnit }) : t("pledge.achieved")
            }
          >
            <InputNumber min={0} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="evidenceNote" label={t("pledge.evidenceNote")}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t("myWork.report.evidencePlaceholder")}
            />
          </Form.Item>
          <Form.Item
            name="evidenceLinks"
            label={t("pledge.evidenceLinks")}
            extra={t("myWork.report.linksHint", { max: MAX_EVIDENCE_LINKS })}
            rules={[
              {
                validator: async (_, links: string[] | undefined) => {
                  const list = links ?? [];
                  if (list.length > MAX_EVIDENCE_LINKS)
                    throw new Error(t("myWork.report.tooManyLinks", { max: MAX_EVIDENCE_LINKS }));
                  if (list.some((link) => !isEvidenceLink(link))) throw new Error(t("myWork.report.badLink"));
                },
              },
            ]}
          >
            <Select
              mode="tags"
              tokenSeparators={[" ", ","]}
              open={false}
              suffixIcon={null}
              aria-label={t("pledge.evidenceLinks")}
            />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
