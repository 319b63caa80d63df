import { useMutation } from "@apollo/client/react";
import { Form, Input, InputNumber, Select, Typography } from "antd";
import { ReportPledgeDocument, type MyPledgeFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { MutationFormModal } from "../../shared/MutationFormModal";
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
  const [report] = useMutation(ReportPledgeDocument);
  return (
    <MutationFormModal<ReportFormValues>
      title={t("myWork.report.title")}
      okText={t("myWork.report")}
      width={560}
      intro={
        <>
          <Typography.Text strong>{pledge.title}</Typography.Text>
          {pledge.status === "REJECTED" && pledge.rejectionReason && (
            <Typography.Text type="danger">
              {t("myWork.rejectedBecause", { reason: pledge.rejectionReason })}
            </Typography.Text>
          )}
        </>
      }
      initialValues={reportFormValues(pledge)}
      onSubmit={async (values, keyFor) => {
        const input = toReportPledgeInput(pledge, values);
        await report({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("myWork.report.done")}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="reportNote"
        label={t("pledge.reportNote")}
        rules={[{ required: true, whitespace: true, message: t("myWork.report.noteRequired") }]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
      <Form.Item
        name="achievedQuantity"
        label={pledge.targetUnit ? t("pledge.achievedIn", { unit: pledge.targetUnit }) : t("pledge.achieved")}
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
    </MutationFormModal>
  );
}
