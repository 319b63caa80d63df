import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Flex, Form, Input, Modal, Typography } from "antd";
import { classifyFailure } from "../apollo/failure";
import { useI18n } from "../i18n/context";
import { describeFailure } from "../i18n/describe-failure";
import type { MessageKey } from "../i18n/translate";
import { SIGN_IN_MUTATION, type SignInVariables } from "./auth.query";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import { sessionFrom, type Session } from "./session";

interface SignInModalProps {
  open: boolean;
  /** Why the form opened by itself ("your session has expired…"), if it did. */
  notice: MessageKey | null;
  onClose: () => void;
  onSignedIn: (session: Session) => Promise<void>;
}

/** Đăng nhập: user name and password; errors said by their code, the demo accounts offered below. */
export function SignInModal({ open, notice, onClose, onSignedIn }: SignInModalProps) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t("auth.signIn")} onCancel={onClose} footer={null} destroyOnHidden width={440}>
      <SignInForm notice={notice} onSignedIn={onSignedIn} />
    </Modal>
  );
}

function SignInForm({ notice, onSignedIn }: Pick<SignInModalProps, "notice" | "onSignedIn">) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<SignInVariables>();
  // Sent without the stored token: an expired one would have the request refused before signIn runs.
  const [signIn, { loading, error, reset }] = useMutation(SIGN_IN_MUTATION, { context: { anonymous: true } });

  const submit = async (values: SignInVariables) => {
    try {
      const { data } = await signIn({
        variables: { username: values.username.trim(), password: values.password },
      });
      if (data) await onSignedIn(sessionFrom(data.signIn));
    } catch {
      // shown from `error` below
    }
  };

  const failure = error ? describeFailure(locale, classifyFailure(error)) : null;
  return (
    <Flex vertical gap="middle">
      {notice && !failure && <Alert type="warning" showIcon title={t(notice)} />}
      {failure && (
        <Alert
          type="error"
          showIcon
          title={t("auth.failed")}
          description={failure.reference ? `${failure.sentence} ${failure.reference}` : failure.sentence}
        />
      )}
      <Form<SignInVariables>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => void submit(values)}
        onValuesChange={() => error && reset()}
      >
        <Form.Item
          name="username"
          label={t("auth.username")}
          rules={[{ required: true, whitespace: true, message: t("auth.username.required") }]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("auth.password")}
          rules={[{ required: true, message: t("auth.password.required") }]}
        >
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={loading}>
          {t("auth.signIn")}
        </Button>
      </Form>
      <Alert
        type="info"
        title={t("auth.demo.title")}
        description={
          <Flex vertical gap={2}>
            <Typography.Text type="secondary">
              {t("auth.demo.hint", { password: DEMO_PASSWORD })}
            </Typography.Text>
            {DEMO_ACCOUNTS.map((account) => (
              <Typography.Text key={account.username}>
                <Typography.Link
                  code
                  onClick={() => {
                    form.setFieldsValue({ username: account.username, password: DEMO_PASSWORD });
                    reset();
                  }}
                >
                  {account.username}
                </Typography.Link>{" "}
                <Typography.Text type="secondary">
                  {t(`role.${account.role}`)} ·{" "}
                  {t(`unitTitle.${account.unit.kind}`, { name: account.unit.name })}
                </Typography.Text>
              </Typography.Text>
            ))}
          </Flex>
        }
      />
    </Flex>
  );
}
