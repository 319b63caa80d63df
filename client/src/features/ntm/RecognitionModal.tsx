import { useMutation } from "@apollo/client/react";
import { DatePicker, Form, Input, Typography } from "antd";
import dayjs from "dayjs";
import { RecognizeNtmDocument, type UnitKind } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { MutationFormModal } from "../../shared/MutationFormModal";
import { toRecognizeNtmInput, type RecognitionFormValues } from "./ntm-matrix";

/** Công nhận đạt chuẩn NTM: the decision's number and day, for a xã or a huyện. */
export function RecognitionModal({
  unit,
  year,
  onClose,
  onDone,
}: {
  unit: { code: string; name: string; kind: UnitKind };
  year: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [recognise] = useMutation(RecognizeNtmDocument);
  const lastDay = dayjs(`${year}-12-31`);
  const unitTitle = t(`unitTitle.${unit.kind}`, { name: unit.name });
  return (
    <MutationFormModal<RecognitionFormValues>
      title={t("ntm.recognise.title", { unit: unitTitle })}
      okText={t("ntm.recognise")}
      intro={
        <Typography.Text type="secondary">
          {unit.kind === "COMMUNE" ? t("ntm.recognise.communeRule") : t("ntm.recognise.districtRule")}
        </Typography.Text>
      }
      initialValues={{ decidedOn: lastDay.isAfter(dayjs()) ? dayjs() : lastDay }}
      onSubmit={async (values, keyFor) => {
        const input = toRecognizeNtmInput(unit.code, values);
        await recognise({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("ntm.recognise.done", { unit: unitTitle })}
      onClose={onClose}
      onDone={onDone}
    >
      <Form.Item
        name="decisionNumber"
        label={t("ntm.decisionNumber")}
        rules={[
          { required: true, whitespace: true, message: t("ntm.recognise.numberRequired") },
          { max: 48, message: t("myWork.form.tooLong", { max: 48 }) },
        ]}
      >
        <Input placeholder="3456/QĐ-UBND" />
      </Form.Item>
      <Form.Item name="decidedOn" label={t("ntm.decidedOn")} rules={[{ required: true }]}>
        <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
      </Form.Item>
    </MutationFormModal>
  );
}
