import { gql, type TypedDocumentNode } from "@apollo/client";
import { useMutation } from "@apollo/client/react";
import { DatePicker, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useI18n } from "../../i18n/context";
import { MutationFormModal } from "../../shared/MutationFormModal";
import { MemberPicker } from "../assignments/MemberPicker";
import { UnitPicker } from "../org-units/UnitPicker";

export interface RecordDelegationValues {
  leadingUnit: string;
  visitedUnit: string;
  visitedOn: Dayjs;
  title: string;
  members: string[];
  note?: string | null;
}

interface RecordDelegationInput {
  leadingUnit: { code: string };
  visitedUnit: { code: string };
  visitedOn: string;
  title: string;
  members: string[];
  note?: string;
}

export const RECORD_DELEGATION_MUTATION: TypedDocumentNode<
  { recordDelegation: { id: string } },
  { input: RecordDelegationInput; idempotencyKey?: string }
> = gql`
  mutation RecordDelegation($input: RecordDelegationInput!, $idempotencyKey: String) {
    recordDelegation(input: $input, idempotencyKey: $idempotencyKey) {
      id
    }
  }
`;

export function toRecordDelegationInput(values: RecordDelegationValues): RecordDelegationInput {
  const input: RecordDelegationInput = {
    leadingUnit: { code: values.leadingUnit },
    visitedUnit: { code: values.visitedUnit },
    visitedOn: values.visitedOn.format("YYYY-MM-DD"),
    title: values.title.trim(),
    members: [...new Set(values.members)],
  };
  const note = values.note?.trim();
  if (note) input.note = note;
  return input;
}

/** Ghi nhận đoàn công tác: who led it, where it went and when, its members and conclusions. */
export function RecordDelegationModal({
  ownUnit,
  onClose,
  onDone,
}: {
  ownUnit: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [record] = useMutation(RECORD_DELEGATION_MUTATION);
  return (
    <MutationFormModal<RecordDelegationValues>
      title={t("delegations.record")}
      width={560}
      initialValues={{ leadingUnit: ownUnit, visitedOn: dayjs(), members: [] }}
      onSubmit={async (values, keyFor) => {
        const input = toRecordDelegationInput(values);
        await record({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("delegations.record.done")}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="title"
        label={t("delegations.record.title")}
        rules={[
          { required: true, whitespace: true, message: t("delegations.record.titleRequired") },
          { max: 300, message: t("myWork.form.tooLong", { max: 300 }) },
        ]}
      >
        <Input placeholder={t("delegations.record.titlePlaceholder")} />
      </Form.Item>
      <Form.Item name="leadingUnit" label={t("delegations.record.leadingUnit")} rules={[{ required: true }]}>
        <UnitPicker under={ownUnit} ariaLabel={t("delegations.record.leadingUnit")} />
      </Form.Item>
      <Form.Item
        name="visitedUnit"
        label={t("delegations.visitedUnit")}
        extra={t("delegations.record.visitedHint")}
        rules={[{ required: true, message: t("delegations.record.visitedRequired") }]}
      >
        <UnitPicker under={ownUnit} ariaLabel={t("delegations.visitedUnit")} />
      </Form.Item>
      <Form.Item name="visitedOn" label={t("delegations.visitedOn")} rules={[{ required: true }]}>
        <DatePicker
          format="DD/MM/YYYY"
          style={{ width: "100%" }}
          disabledDate={(day) => day.isAfter(dayjs(), "day")}
        />
      </Form.Item>
      <Form.Item
        name="members"
        label={t("delegations.record.members")}
        rules={[
          { required: true, type: "array", min: 1, message: t("delegations.record.membersRequired") },
          { type: "array", max: 30, message: t("delegations.record.tooManyMembers") },
        ]}
      >
        <MemberPicker under={ownUnit} multiple />
      </Form.Item>
      <Form.Item
        name="note"
        label={t("delegations.record.note")}
        rules={[{ max: 5000, message: t("myWork.form.tooLong", { max: 5000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
    </MutationFormModal>
  );
}
