import { useMutation } from "@apollo/client/react";
import { App, Flex, Form, Input, Modal, Radio, Space, Typography } from "antd";
import { useMemo } from "react";
import { SetFinalGradeDocument, type EvaluationFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { GRADES } from "../../shared/domain-enums";
import { IdempotencyKeys } from "../../shared/idempotency";
import { MutationFailure } from "../../shared/MutationFailure";
import { GradeTag } from "../../shared/StatusTags";
import { toSetFinalGradeInput, type FinalGradeValues } from "./evaluation-rows";

/**
 * Xếp loại: the committee's final grade and remarks. The grade is saved even when the member's organisation
 * then has more EXCELLENT than 20% of its GOOD grades; the warning says so.
 */
export function FinalGradeModal({
  evaluation,
  onClose,
  onDone,
}: {
  evaluation: EvaluationFieldsFragment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<FinalGradeValues>();
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const [setGrade, { loading, error, reset }] = useMutation(SetFinalGradeDocument);

  const submit = async (values: FinalGradeValues) => {
    const input = toSetFinalGradeInput(evaluation, values);
    try {
      const { data } = await setGrade({ variables: { input, idempotencyKey: keys.keyFor(input) } });
      keys.done();
      const warning = data?.setFinalGrade.quotaWarning;
      if (warning) {
        modal.warning({
          title: t("evaluations.quota.savedTitle"),
          content: t("evaluations.quota.line", {
            unit: t(`unitTitle.${warning.unit.kind}`, { name: warning.unit.name }),
            excellent: warning.excellent,
            good: warning.good,
            max: warning.maxExcellent,
          }),
        });
      } else {
        void message.success(t("evaluations.saved"));
      }
      onDone();
    } catch {
      // said by <MutationFailure>
    }
  };

  return (
    <Modal
      open
      title={t("evaluations.gradeTitle", { name: evaluation.member.fullName, year: evaluation.year })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Flex vertical gap="middle">
        <Space wrap>
          <Typography.Text type="secondary">{t("evaluations.proposed")}:</Typography.Text>
          <GradeTag grade={evaluation.proposedGrade} />
        </Space>
        <MutationFailure error={error} onClose={reset} />
        <Form<FinalGradeValues>
          form={form}
          layout="vertical"
          initialValues={{
            grade: evaluation.finalGrade ?? evaluation.proposedGrade ?? undefined,
            note: evaluation.note ?? "",
          }}
          onFinish={(values) => void submit(values)}
          onValuesChange={() => error && reset()}
        >
          <Form.Item
            name="grade"
            label={t("evaluations.final")}
            rules={[{ required: true, message: t("evaluations.gradeRequired") }]}
          >
            <Radio.Group style={{ display: "flex", flexDirection: "column", gap: 8 }}>
              {GRADES.map((grade) => (
                <Radio key={grade} value={grade}>
                  {t(`grade.${grade}`)}
                </Radio>
              ))}
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="note"
            label={t("evaluations.note")}
            rules={[{ max: 2000, message: t("myWork.form.tooLong", { max: 2000 }) }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
