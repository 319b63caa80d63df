import { useMutation } from "@apollo/client/react";
import { App, Form, Input, Radio, Space, Typography } from "antd";
import { SetFinalGradeDocument, type EvaluationFieldsFragment } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { GRADES } from "../../shared/domain-enums";
import { MutationFormModal } from "../../shared/MutationFormModal";
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
  const [setGrade] = useMutation(SetFinalGradeDocument);
  return (
    <MutationFormModal<FinalGradeValues>
      title={t("evaluations.gradeTitle", { name: evaluation.member.fullName, year: evaluation.year })}
      intro={
        <Space wrap>
          <Typography.Text type="secondary">{t("evaluations.proposed")}:</Typography.Text>
          <GradeTag grade={evaluation.proposedGrade} />
        </Space>
      }
      initialValues={{
        grade: evaluation.finalGrade ?? evaluation.proposedGrade ?? undefined,
        note: evaluation.note ?? "",
      }}
      onSubmit={async (values, keyFor) => {
        const input = toSetFinalGradeInput(evaluation, values);
        const { data } = await setGrade({ variables: { input, idempotencyKey: keyFor(input) } });
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
      }}
      onClose={onClose}
      onDone={onDone}
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
    </MutationFormModal>
  );
}
