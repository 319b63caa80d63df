import { useMutation } from "@apollo/client/react";
import { App, DatePicker, Flex, Form, Input, InputNumber, Select } from "antd";
import dayjs from "dayjs";
import { RegisterPledgeDocument, UpdatePledgeDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { PLEDGE_CATEGORIES } from "../../shared/domain-enums";
import { MutationFormModal } from "../../shared/MutationFormModal";
import type { Criterion, MyAssignment, OpenForm } from "./MyWorkPage";
import {
  pledgeFormValues,
  toRegisterPledgeInput,
  toUpdatePledgeInput,
  type PledgeFormValues,
} from "./pledge-forms";

/** Đăng ký / sửa phần việc: the pledge's title, field, NTM criterion, target and due date. */
export function PledgeFormModal({
  form: open,
  year,
  assignments,
  criteria,
  onClose,
  onDone,
}: {
  form: Extract<OpenForm, { kind: "register" } | { kind: "edit" }>;
  year: number;
  assignments: readonly MyAssignment[];
  criteria: readonly Criterion[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { locale, t } = useI18n();
  const { message } = App.useApp();
  const [register] = useMutation(RegisterPledgeDocument);
  const [update] = useMutation(UpdatePledgeDocument);
  const editing = open.kind === "edit" ? open.pledge : null;

  const initialValues: Partial<PledgeFormValues> = editing
    ? pledgeFormValues(editing, (day) => dayjs(day))
    : { assignment: open.kind === "register" ? (open.assignment ?? assignments[0]?.id) : undefined };

  return (
    <MutationFormModal<PledgeFormValues>
      title={editing ? t("myWork.form.editTitle") : t("myWork.form.registerTitle", { year })}
      okText={editing ? t("common.save") : t("myWork.register")}
      width={560}
      initialValues={initialValues}
      onSubmit={async (values, keyFor) => {
        if (editing) {
          const input = toUpdatePledgeInput(editing, values);
          if (!input) {
            void message.info(t("myWork.form.unchanged"));
            return false;
          }
          await update({ variables: { input, idempotencyKey: keyFor(input) } });
        } else {
          const input = toRegisterPledgeInput(values, year);
          await register({ variables: { input, idempotencyKey: keyFor(input) } });
        }
      }}
      successMessage={editing ? t("myWork.form.saved") : t("myWork.form.registered")}
      onClose={onClose}
      onDone={onDone}
    >
      {!editing && assignments.length > 1 && (
        <Form.Item name="assignment" label={t("myWork.form.assignment")} rules={[{ required: true }]}>
          <Select
            options={assignments.map((a) => ({
              value: a.id,
              label: t(`unitTitle.${a.unit.kind}`, { name: a.unit.name }),
            }))}
          />
        </Form.Item>
      )}
      {!editing && assignments.length <= 1 && (
        <Form.Item name="assignment" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t("pledge.title")}
        rules={[
          { required: true, whitespace: true, message: t("myWork.form.titleRequired") },
          { max: 300, message: t("myWork.form.tooLong", { max: 300 }) },
        ]}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 5 }}
          placeholder={t("myWork.form.titlePlaceholder")}
        />
      </Form.Item>
      <Form.Item
        name="category"
        label={t("pledge.category")}
        rules={[{ required: true, message: t("myWork.form.categoryRequired") }]}
      >
        <Select
          options={PLEDGE_CATEGORIES.map((value) => ({ value, label: t(`pledgeCategory.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="ntmCriterionNumber" label={t("pledge.ntmCriterion")}>
        <Select
          allowClear
          placeholder={t("myWork.form.noCriterion")}
          options={criteria.map((c) => ({
            value: c.number,
            label: `${c.number}. ${locale === "vi" ? c.name : c.nameEn}`,
          }))}
        />
      </Form.Item>
      <Flex gap="middle">
        <Form.Item name="targetQuantity" label={t("pledge.targetQuantity")} style={{ flex: 1 }}>
          <InputNumber min={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="targetUnit"
          label={t("pledge.targetUnit")}
          style={{ flex: 1 }}
          rules={[{ max: 32, message: t("myWork.form.tooLong", { max: 32 }) }]}
        >
          <Input placeholder={t("myWork.form.unitPlaceholder")} />
        </Form.Item>
      </Flex>
      <Form.Item name="dueOn" label={t("pledge.dueOn")}>
        <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
      </Form.Item>
    </MutationFormModal>
  );
}
