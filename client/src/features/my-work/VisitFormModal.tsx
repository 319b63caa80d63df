import { useMutation } from "@apollo/client/react";
import { DatePicker, Form, Input, Radio, Select } from "antd";
import dayjs from "dayjs";
import { RecordVisitDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { VISIT_KINDS } from "../../shared/domain-enums";
import { MutationFormModal } from "../../shared/MutationFormModal";
import type { MyAssignment } from "./MyWorkPage";
import { isVisitDayAllowed, toRecordVisitInput, type VisitFormValues } from "./pledge-forms";

/** Ghi nhận về cơ sở: the day, the kind of visit (cell meeting, working session, movement) and a note. */
export function VisitFormModal({
  assignments,
  initialAssignment,
  year,
  today,
  onClose,
  onDone,
}: {
  assignments: readonly MyAssignment[];
  initialAssignment?: string;
  /** The year on the page: the calendar opens on it (its last month, or this month in the current year). */
  year: number;
  today: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<VisitFormValues>();
  const [record] = useMutation(RecordVisitDocument);
  const chosen = Form.useWatch("assignment", form) ?? initialAssignment ?? assignments[0]?.id;
  const assignment = assignments.find((a) => a.id === chosen);

  return (
    <MutationFormModal<VisitFormValues>
      title={t("myWork.recordVisit")}
      width={520}
      form={form}
      initialValues={{ assignment: initialAssignment ?? assignments[0]?.id, kind: "CELL_MEETING" }}
      onSubmit={async (values, keyFor) => {
        const input = toRecordVisitInput(values);
        await record({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("myWork.visit.done")}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="assignment"
        label={t("myWork.form.assignment")}
        rules={[{ required: true }]}
        hidden={assignments.length <= 1}
      >
        <Select
          options={assignments.map((a) => ({
            value: a.id,
            label: t(`unitTitle.${a.unit.kind}`, { name: a.unit.name }),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="visitedOn"
        label={t("myWork.visit.date")}
        rules={[{ required: true, message: t("myWork.visit.dateRequired") }]}
        extra={assignment && t("myWork.visit.dateHint")}
      >
        <DatePicker
          format="DD/MM/YYYY"
          style={{ width: "100%" }}
          disabledDate={(day) =>
            !assignment || !isVisitDayAllowed(day.format("YYYY-MM-DD"), assignment, today)
          }
          defaultPickerValue={dayjs(`${year}-12-31` < today ? `${year}-12-01` : today)}
        />
      </Form.Item>
      <Form.Item name="kind" label={t("myWork.visit.kind")} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={VISIT_KINDS.map((value) => ({ value, label: t(`visitKind.${value}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="note"
        label={t("myWork.visit.note")}
        rules={[{ max: 2000, message: t("myWork.form.tooLong", { max: 2000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </MutationFormModal>
  );
}
