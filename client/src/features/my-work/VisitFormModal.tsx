import { useMutation } from "@apollo/client/react";
import { App, Flex, DatePicker, Form, Input, Modal, Radio, Select } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { RecordVisitDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { VISIT_KINDS } from "../../shared/domain-enums";
import { IdempotencyKeys } from "../../shared/idempotency";
import { MutationFailure } from "../../shared/MutationFailure";
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
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitFormValues>();
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const [record, { loading, error, reset }] = useMutation(RecordVisitDocument);
  const chosen = Form.useWatch("assignment", form) ?? initialAssignment ?? assignments[0]?.id;
  const assignment = assignments.find((a) => a.id === chosen);

  const submit = async (values: VisitFormValues) => {
    const input = toRecordVisitInput(values);
    try {
      await record({ variables: { input, idempotencyKey: keys.keyFor(input) } });
      keys.done();
      void message.success(t("myWork.visit.done"));
      onDone();
    } catch {
      // said by <MutationFailure>
    }
  };

  return (
    <Modal
      open
      title={t("myWork.recordVisit")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
      width={520}
    >
      <Flex vertical gap="middle">
        <MutationFailure error={error} onClose={reset} />
        <Form<VisitFormValues>
          form={form}
          layout="vertical"
          initialValues={{
            assignment: initialAssignment ?? assignments[0]?.id,
            kind: "CELL_MEETING",
          }}
          onFinish={(values) => void submit(values)}
          onValuesChange={() => error && reset()}
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
              autoFocus
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
        </Form>
      </Flex>
    </Modal>
  );
}
