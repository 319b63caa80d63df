import { useMutation } from "@apollo/client/react";
import { App, Button, Form, Input, Space } from "antd";
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
import { MutationFormModal } from "../../shared/MutationFormModal";
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
  const [assign] = useMutation(AssignConcernHandlerDocument);
  return (
    <MutationFormModal<{ handler: string }>
      title={t("concern.assign.title")}
      intro={<span>{concern.title}</span>}
      initialValues={{ handler: concern.handler?.code }}
      onSubmit={async ({ handler }, keyFor) => {
        const input = { id: concern.id, handler: { code: handler } };
        await assign({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("concern.assign.done")}
      onClose={onClose}
      onDone={() => {
        onClose();
        onDone();
      }}
    >
      <Form.Item
        name="handler"
        label={t("delegations.handler")}
        extra={t("concern.assign.hint")}
        rules={[{ required: true, message: t("concern.assign.required") }]}
      >
        <UnitPicker under={ownUnit} ariaLabel={t("delegations.handler")} />
      </Form.Item>
    </MutationFormModal>
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
  const [resolve] = useMutation(ResolveConcernDocument);
  return (
    <MutationFormModal<{ answer: string }>
      title={t("concern.resolve.title")}
      okText={t("concern.resolve")}
      intro={<span>{concern.title}</span>}
      onSubmit={async ({ answer }, keyFor) => {
        const input = { id: concern.id, answer: answer.trim() };
        await resolve({ variables: { input, idempotencyKey: keyFor(input) } });
      }}
      successMessage={t("concern.resolve.done")}
      onClose={onClose}
      onDone={() => {
        onClose();
        onDone();
      }}
    >
      <Form.Item
        name="answer"
        label={t("concern.resolve.answer")}
        rules={[
          { required: true, whitespace: true, message: t("concern.resolve.required") },
          { max: 5000, message: t("myWork.form.tooLong", { max: 5000 }) },
        ]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} />
      </Form.Item>
    </MutationFormModal>
  );
}
