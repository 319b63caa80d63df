import { useMutation } from "@apollo/client/react";
import { App, Flex, Button, Form, Input, Modal, Space } from "antd";
import { useMemo, useState } from "react";
import {
  AssignConcernHandlerDocument,
  ResolveConcernDocument,
  StartConcernDocument,
  type ConcernFieldsFragment,
} from "../../gql/graphql";
import { useI18n } from "../../i18n/context";
import { IdempotencyKeys } from "../../shared/idempotency";
import { describeMutationFailure } from "../../shared/mutation-failure";
import { MutationFailure } from "../../shared/MutationFailure";
import { UnitPicker } from "../org-units/UnitPicker";
import { concernActions } from "./concern-actions";

/** A committee's buttons for one concern: name the handler, start, resolve with an answer. */
export function ConcernActions({
  concern,
  ownUnit,
  onDone,
}: {
  concern: ConcernFieldsFragment;
  ownUnit: string;
  onDone: () => void;
}) {
  const { locale, t } = useI18n();
  const { message, modal } = App.useApp();
  const [open, setOpen] = useState<"assign" | "resolve" | null>(null);
  const can = concernActions(concern.status, concern.handler !== null);
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const [start] = useMutation(StartConcernDocument);

  const confirmStart = () =>
    modal.confirm({
      title: t("concern.start.title"),
      content: concern.title,
      okText: t("concern.start"),
      cancelText: t("common.cancel"),
      onOk: async () => {
        const input = { id: concern.id };
        try {
          await start({ variables: { input, idempotencyKey: keys.keyFor(input) } });
          keys.done();
          void message.success(t("concern.start.done"));
          onDone();
        } catch (error) {
          void message.error(describeMutationFailure(locale, error));
        }
      },
    });

  if (!can.assign && !can.start && !can.resolve) return null;
  return (
    <Space wrap size={4}>
      {can.assign && (
        <Button size="small" onClick={() => setOpen("assign")}>
          {concern.handler ? t("concern.reassign") : t("concern.assign")}
        </Button>
      )}
      {can.start && (
        <Button size="small" onClick={confirmStart}>
          {t("concern.start")}
        </Button>
      )}
      {can.resolve && (
        <Button size="small" type="primary" onClick={() => setOpen("resolve")}>
          {t("concern.resolve")}
        </Button>
      )}
      {open === "assign" && (
        <AssignHandlerModal
          concern={concern}
          ownUnit={ownUnit}
          onClose={() => setOpen(null)}
          onDone={onDone}
        />
      )}
      {open === "resolve" && <ResolveModal concern={concern} onClose={() => setOpen(null)} onDone={onDone} />}
    </Space>
  );
}

function AssignHandlerModal({
  concern,
  ownUnit,
  onClose,
  onDone,
}: {
  concern: ConcernFieldsFragment;
  ownUnit: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ handler: string }>();
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const [assign, { loading, error, reset }] = useMutation(AssignConcernHandlerDocument);

  const submit = async ({ handler }: { handler: string }) => {
    const input = { id: concern.id, handler: { code: handler } };
    try {
      await assign({ variables: { input, idempotencyKey: keys.keyFor(input) } });
      keys.done();
      void message.success(t("concern.assign.done"));
      onClose();
      onDone();
    } catch {
      // said by <MutationFailure>
    }
  };

  return (
    <Modal
      open
      title={t("concern.assign.title")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Flex vertical gap="middle">
        <span>{concern.title}</span>
        <MutationFailure error={error} onClose={reset} />
        <Form
          form={form}
          layout="vertical"
          initialValues={{ handler: concern.handler?.code }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            name="handler"
            label={t("delegations.handler")}
            extra={t("concern.assign.hint")}
            rules={[{ required: true, message: t("concern.assign.required") }]}
          >
            <UnitPicker under={ownUnit} ariaLabel={t("delegations.handler")} />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}

function ResolveModal({
  concern,
  onClose,
  onDone,
}: {
  concern: ConcernFieldsFragment;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ answer: string }>();
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const [resolve, { loading, error, reset }] = useMutation(ResolveConcernDocument);

  const submit = async ({ answer }: { answer: string }) => {
    const input = { id: concern.id, answer: answer.trim() };
    try {
      await resolve({ variables: { input, idempotencyKey: keys.keyFor(input) } });
      keys.done();
      void message.success(t("concern.resolve.done"));
      onClose();
      onDone();
    } catch {
      // said by <MutationFailure>
    }
  };

  return (
    <Modal
      open
      title={t("concern.resolve.title")}
      okText={t("concern.resolve")}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Flex vertical gap="middle">
        <span>{concern.title}</span>
        <MutationFailure error={error} onClose={reset} />
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void submit(v)}
          onValuesChange={() => error && reset()}
        >
          <Form.Item
            name="answer"
            label={t("concern.resolve.answer")}
            rules={[
              { required: true, whitespace: true, message: t("concern.resolve.required") },
              { max: 5000, message: t("myWork.form.tooLong", { max: 5000 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} autoFocus />
          </Form.Item>
        </Form>
      </Flex>
    </Modal>
  );
}
