import { App, Flex, Form, Modal, type FormInstance } from "antd";
import { useMemo, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../i18n/context";
import { IdempotencyKeys } from "./idempotency";
import { MutationFailure } from "./MutationFailure";

/** What `onSubmit` may answer: `false` when there was nothing to send (the dialog just closes). */
export type SubmitOutcome = false | void;

export interface MutationFormModalProps<Values> {
  title: ReactNode;
  /** The confirming button; "Lưu" / "Save" when omitted. */
  okText?: string;
  /** A red confirming button, for changes such as a rejection. */
  danger?: boolean;
  width?: number;
  /** Above the form: what the change is about (the pledge's title, the concern…). */
  intro?: ReactNode;
  /** The form's instance, when the caller watches its fields; one is made otherwise. */
  form?: FormInstance<Values>;
  initialValues?: Partial<Values>;
  /**
   * Sends the change. `keyFor(input)` is the idempotency key for that input: the same while the same input
   * is retried, a new one once a change went through. Rejects with the API error, which the dialog then says
   * as a sentence from its code, staying open to try again.
   */
  onSubmit: (values: Values, keyFor: (input: unknown) => string) => Promise<SubmitOutcome>;
  /** Said once the change went through. */
  successMessage?: string;
  onClose: () => void;
  /** After a change went through (the caller refetches, closes). */
  onDone: () => void;
  /** Below the form: a note on what saving does. */
  outro?: ReactNode;
  /** Besides clearing a shown refusal: e.g. filling the other fields when one changes. */
  onValuesChange?: (changed: Partial<Values>, all: Values) => void;
  /** The form's fields (`Form.Item`s). */
  children: ReactNode;
}

/**
 * One dialog for every form that sends one change: the fields in a vertical form, the refusal said from its
 * `extensions.code` above them, the confirming button busy while the change is on its way, an idempotency key
 * per submission, the focus on the first field once the dialog is open, Escape and Cancel to leave.
 */
export function MutationFormModal<Values extends object>({
  title,
  okText,
  danger,
  width,
  intro,
  form: given,
  initialValues,
  onSubmit,
  successMessage,
  onClose,
  onDone,
  outro,
  onValuesChange,
  children,
}: MutationFormModalProps<Values>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [own] = Form.useForm<Values>();
  const form = given ?? own;
  const keys = useMemo(() => new IdempotencyKeys(), []);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const body = useRef<HTMLDivElement>(null);

  const submit = async (values: Values) => {
    setPending(true);
    setError(null);
    try {
      const outcome = await onSubmit(values, (input) => keys.keyFor(input));
      if (outcome === false) {
        onClose();
        return;
      }
      keys.done();
      if (successMessage) void message.success(successMessage);
      onDone();
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };

  // Ant Design's dialog takes the focus when it opens (over autoFocus): hand it to the first field.
  const focusFirstField = (open: boolean) => {
    if (!open) return;
    const fields = body.current?.querySelectorAll<HTMLElement>(
      "input:not([type=hidden]):not([disabled]), textarea:not([disabled])",
    );
    const first = [...(fields ?? [])].find((field) => !field.closest(".ant-form-item-hidden, [hidden]"));
    first?.focus();
  };

  return (
    <Modal
      open
      title={title}
      okText={okText ?? t("common.save")}
      okButtonProps={danger ? { danger: true } : undefined}
      cancelText={t("common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      width={width}
      afterOpenChange={focusFirstField}
    >
      <Flex vertical gap="middle" ref={body}>
        {intro}
        <MutationFailure error={error} onClose={() => setError(null)} />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => void submit(values)}
          onValuesChange={(changed: Partial<Values>, all: Values) => {
            if (error) setError(null);
            onValuesChange?.(changed, all);
          }}
        >
          {children}
        </Form>
        {outro}
      </Flex>
    </Modal>
  );
}
