import { useMutation } from "@apollo/client/react";
import { DatePicker, Form, Input, Select } from "antd";
import dayjs from "dayjs";
import { RaiseConcernDocument, type DelegationsAndConcernsQuery } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { formatDay } from "../../i18n/format";
import { MutationFormModal } from "../../shared/MutationFormModal";
import { UnitPicker } from "../org-units/UnitPicker";
import { toRaiseConcernInput, type RaiseConcernValues } from "./concern-actions";

type Delegation = DelegationsAndConcernsQuery["delegations"]["nodes"][number];

/** Ghi nhận khó khăn, vướng mắc: the raising unit, the concern in a line, details, the day and the delegation. */
export function RaiseConcernModal({
  ownUnit,
  delegations,
  onClose,
  onDone,
}: {
  ownUnit: string;
  delegations: readonly Delegation[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { locale, t } = useI18n();
  const [raise] = useMutation(RaiseConcernDocument);
  return (
    <MutationFormModal<RaiseConcernValues>
      title={t("delegations.raise")}
      width={560}
      initialValues={{ raisedBy: ownUnit }}
      onSubmit={async (values, keyFor) => {
        const input = toRaiseConcernInput(values);
        await raise({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("concern.raise.done")}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item name="raisedBy" label={t("delegations.raisedBy")} rules={[{ required: true }]}>
        <UnitPicker under={ownUnit} ariaLabel={t("delegations.raisedBy")} />
      </Form.Item>
      <Form.Item
        name="title"
        label={t("delegations.concern")}
        rules={[
          { required: true, whitespace: true, message: t("concern.raise.titleRequired") },
          { max: 300, message: t("myWork.form.tooLong", { max: 300 }) },
        ]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="description"
        label={t("concern.raise.description")}
        rules={[{ max: 5000, message: t("myWork.form.tooLong", { max: 5000 }) }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name="raisedOn" label={t("delegations.raisedOn")} extra={t("concern.raise.dayHint")}>
        <DatePicker
          format="DD/MM/YYYY"
          style={{ width: "100%" }}
          disabledDate={(day) => day.isAfter(dayjs(), "day")}
        />
      </Form.Item>
      {delegations.length > 0 && (
        <Form.Item name="delegation" label={t("concern.raise.delegation")}>
          <Select
            allowClear
            options={delegations.map((d) => ({
              value: d.id,
              label: `${formatDay(locale, d.visitedOn)} — ${d.title}`,
            }))}
          />
        </Form.Item>
      )}
    </MutationFormModal>
  );
}
