import { useMutation, useQuery } from "@apollo/client/react";
import { DatePicker, Form, Select, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect } from "react";
import { useI18n } from "../../i18n/context";
import { ASSIGNMENT_SCOPES } from "../../shared/domain-enums";
import { MutationFormModal } from "../../shared/MutationFormModal";
import { directivesFor, isDayAllowed, toAssignMemberInput, type AssignFormValues } from "./assignment-forms";
import {
  ASSIGN_MEMBER_MUTATION,
  DIRECTIVE_OPTIONS_QUERY,
  END_ASSIGNMENT_MUTATION,
  REASSIGN_MUTATION,
} from "./assignments.query";
import { MemberPicker } from "./MemberPicker";

const DAY = "YYYY-MM-DD";

/** The assignment a dialog acts on, as the unit page lists it. */
export interface ManagedAssignment {
  id: string;
  startsOn: string;
  member: { fullName: string };
}

/** Phân công cán bộ phụ trách: a member of the subtree, under a directive issued above the unit, from a day. */
export function AssignMemberModal({
  unit,
  ownUnit,
  onClose,
  onDone,
}: {
  unit: { code: string; title: string };
  ownUnit: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [assign] = useMutation(ASSIGN_MEMBER_MUTATION);
  const directives = useQuery(DIRECTIVE_OPTIONS_QUERY, { variables: { under: ownUnit } });
  const offered = directivesFor(unit.code, directives.data?.directives.nodes ?? []);
  const [form] = Form.useForm<AssignFormValues>();
  // The directive nearest the unit is the usual one: chosen once the list is in, unless one was picked.
  const nearest = offered.at(-1)?.id;
  useEffect(() => {
    if (nearest && !form.getFieldValue("directive")) form.setFieldsValue({ directive: nearest });
  }, [form, nearest]);
  return (
    <MutationFormModal<AssignFormValues>
      title={t("assignments.assign.title", { unit: unit.title })}
      okText={t("assignments.assign")}
      width={560}
      form={form}
      initialValues={{ scope: "COMPREHENSIVE", startsOn: dayjs() }}
      onSubmit={async (values, keyFor) => {
        const input = toAssignMemberInput(unit.code, values);
        await assign({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("assignments.assign.done")}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="member"
        label={t("assignments.member")}
        rules={[{ required: true, message: t("assignments.memberRequired") }]}
      >
        <MemberPicker under={ownUnit} />
      </Form.Item>
      <Form.Item
        name="directive"
        label={t("assignments.directive")}
        rules={[{ required: true, message: t("assignments.directiveRequired") }]}
        extra={t("assignments.directiveHint")}
      >
        <Select
          loading={directives.loading}
          showSearch={{ optionFilterProp: "label" }}
          options={offered.map((directive) => ({
            value: directive.id,
            label: `${directive.number} — ${directive.title}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="scope" label={t("assignments.scope")} rules={[{ required: true }]}>
        <Select
          options={ASSIGNMENT_SCOPES.map((value) => ({ value, label: t(`assignmentScope.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="startsOn" label={t("assignments.startsOn")} rules={[{ required: true }]}>
        <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item name="endsOn" label={t("assignments.endsOn")}>
        <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
      </Form.Item>
    </MutationFormModal>
  );
}

/** Thay người phụ trách: another member takes over from a day; the running assignment ends the day before. */
export function ReassignModal({
  assignment,
  ownUnit,
  onClose,
  onDone,
}: {
  assignment: ManagedAssignment;
  ownUnit: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [reassign] = useMutation(REASSIGN_MUTATION);
  return (
    <MutationFormModal<{ member: string; from: dayjs.Dayjs }>
      title={t("assignments.reassign.title")}
      okText={t("assignments.reassign")}
      intro={
        <Typography.Text>
          {t("assignments.reassign.intro", { name: assignment.member.fullName })}
        </Typography.Text>
      }
      initialValues={{ from: dayjs() }}
      onSubmit={async ({ member, from }, keyFor) => {
        const input = { assignment: assignment.id, member, from: from.format(DAY) };
        await reassign({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("assignments.reassign.done")}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="member"
        label={t("assignments.newMember")}
        rules={[{ required: true, message: t("assignments.memberRequired") }]}
      >
        <MemberPicker under={ownUnit} />
      </Form.Item>
      <Form.Item
        name="from"
        label={t("assignments.from")}
        rules={[{ required: true }]}
        extra={t("assignments.fromHint")}
      >
        <DatePicker
          format="DD/MM/YYYY"
          style={{ width: "100%" }}
          disabledDate={(day) => !isDayAllowed(day.format(DAY), assignment.startsOn)}
        />
      </Form.Item>
    </MutationFormModal>
  );
}

/** Kết thúc phân công: the last day the member directs the unit. */
export function EndAssignmentModal({
  assignment,
  onClose,
  onDone,
}: {
  assignment: ManagedAssignment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [end] = useMutation(END_ASSIGNMENT_MUTATION);
  return (
    <MutationFormModal<{ endsOn: dayjs.Dayjs }>
      title={t("assignments.end.title")}
      okText={t("assignments.end")}
      danger
      intro={
        <Typography.Text>{t("assignments.end.intro", { name: assignment.member.fullName })}</Typography.Text>
      }
      initialValues={{ endsOn: dayjs() }}
      onSubmit={async ({ endsOn }, keyFor) => {
        const input = { id: assignment.id, endsOn: endsOn.format(DAY) };
        await end({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("assignments.end.done")}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="endsOn" label={t("assignments.endsOn")} rules={[{ required: true }]}>
        <DatePicker
          format="DD/MM/YYYY"
          style={{ width: "100%" }}
          disabledDate={(day) => !isDayAllowed(day.format(DAY), assignment.startsOn)}
        />
      </Form.Item>
    </MutationFormModal>
  );
}
