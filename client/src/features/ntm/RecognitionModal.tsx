import { useMutation } from "@apollo/client/react";
import { App, Flex, DatePicker, Form, Input, Modal, Typography } from "antd";
import dayjs from "dayjs";
import { useMemo } from "react";
import { RecognizeNtmDocument, type UnitKind } from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { IdempotencyKeys } from "../../shared/idempotency";
import { MutationFailure } from "../../shared/MutationFailure";
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
  const { message } = App.useApp();
  const [form] = Form.useForm<RecognitionFormValues>();
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const [recognise, { loading, error, reset }] = useMutation(RecognizeNtmDocument);
  const lastDay = dayjs(`${year}-12-31`);
  const unitTitle = t(`unitTitle.${unit.kind}`, { name: unit.name });

  const submit = async (values: RecognitionFormValues) => {
    const input = toRecognizeNtmInput(unit.code, values);
    try {
      await recognise({ variables: { input, idempotencyKey: keys.keyFor(input) } });
      keys.done();
      void message.success(t("ntm.recognise.done", { unit: unitTitle }));
      onDone();
    } catch {
      // said by <MutationFailure>
    }
  };

  return (
    <Modal
      open
      title={t("ntm.recognise.title", { unit: unitTitle })}
      okText={t("ntm.recognise")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Flex vertical gap="middle">
        <Typography.Text type="secondary">
          {unit.kind === "COMMUNE" ? t("ntm.recognise.communeRule") : t("ntm.recognise.districtRule")}
        </Typography.Text>
        <MutationFailure error={error} onClose={reset} />
        <Form<RecognitionFormValues>
          form={form}
          layout="vertical"
          initialValues={{ decidedOn: lastDay.isAfter(dayjs()) ? dayjs() : lastDay }}
          onFinish={(values) => void submit(values)}
          onValuesChange={() => error && reset()}
        >
          <Form.Item
            name="decisionNumber"
            label={t("ntm.decisionNumber")}
            rules={[
              { required: true, whitespace: true, message: t("ntm.recognise.numberRequired") },
              { max: 48, message: t("myWork.form.tooLong", { max: 48 }) },
            ]}
          >
            <Input placeholder="3456/QĐ-UBND" autoFocus />
          </Form.Item>
          <Form.Item name="decidedOn" label={t("ntm.decidedOn")} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" style={{ width: "100%" }} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
