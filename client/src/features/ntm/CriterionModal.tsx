import { useMutation } from "@apollo/client/react";
import { DatePicker, Form, Input, Radio, Select, Typography } from "antd";
import dayjs from "dayjs";
import { SetNtmCriterionStatusDocument } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { MutationFormModal } from "../../shared/MutationFormModal";
import { toSetNtmCriterionStatusInput, type CriterionFormValues, type MatrixRow } from "./ntm-matrix";
import type { NtmCriterionInfo } from "./NtmPage";

/** Đánh giá tiêu chí: whether a xã meets one criterion in the year, with the day and the evidence. */
export function CriterionModal({
  row,
  year,
  criteria,
  initialCriterion,
  onClose,
  onDone,
}: {
  row: MatrixRow;
  year: number;
  criteria: readonly NtmCriterionInfo[];
  initialCriterion?: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<CriterionFormValues>();
  const [save] = useMutation(SetNtmCriterionStatusDocument);
  const met = Form.useWatch("met", form);

  /** The form as the current assessment of a criterion has it. */
  const valuesFor = (number: number): CriterionFormValues => {
    const status = row.statuses[number - 1];
    return {
      criterionNumber: number,
      met: status?.met ?? true,
      metOn: status?.metOn ? dayjs(status.metOn) : null,
      evidence: status?.evidence ?? "",
    };
  };

  return (
    <MutationFormModal<CriterionFormValues>
      title={t("ntm.assess.title", { name: row.name, year })}
      form={form}
      initialValues={valuesFor(initialCriterion ?? 1)}
      onValuesChange={(changed) => {
        if (changed.criterionNumber) form.setFieldsValue(valuesFor(changed.criterionNumber));
      }}
      onSubmit={async (values, keyFor) => {
        const input = toSetNtmCriterionStatusInput(row.code, year, values);
        await save({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("ntm.assess.done")}
      onClose={onClose}
      onDone={onDone}
      outro={<Typography.Text type="secondary">{t("ntm.assess.replaces")}</Typography.Text>}
    >
      <Form.Item name="criterionNumber" label={t("ntm.criterion")} rules={[{ required: true }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={criteria.map((c) => ({
            value: c.number,
            label: `${c.number}. ${locale === "vi" ? c.name : c.nameEn}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="met" label={t("ntm.status")} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t("ntm.met") },
            { value: false, label: t("ntm.notMet") },
          ]}
        />
      </Form.Item>
      {met && (
        <Form.Item name="metOn" label={t("ntm.metOn")}>
          <DatePicker
            format="DD/MM/YYYY"
            style={{ width: "100%" }}
            disabledDate={(day) => day.year() !== year || day.isAfter(dayjs(), "day")}
            defaultPickerValue={dayjs(`${year}-12-01`).isAfter(dayjs()) ? dayjs() : dayjs(`${year}-12-01`)}
          />
        </Form.Item>
      )}
      <Form.Item
        name="evidence"
        label={t("ntm.evidence")}
        rules={[{ max: 5000, message: t("myWork.form.tooLong", { max: 5000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={t("ntm.evidencePlaceholder")} />
      </Form.Item>
    </MutationFormModal>
  );
}
