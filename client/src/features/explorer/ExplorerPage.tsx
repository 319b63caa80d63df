import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Card, Flex, Typography } from "antd";
import { lazy, Suspense } from "react";
import schemaUrl from "../../../../schema/schema.graphql?url";
import { useAuth } from "../../auth/context";
import { useI18n } from "../../i18n/context";
import { Loading } from "../../shared/Loading";
import { PageHeader } from "../../shared/PageHeader";

// GraphiQL and its editor (Monaco) are a few MB: loaded only when someone opens this page.
const GraphiQLPanel = lazy(() => import("./GraphiQLPanel").then((m) => ({ default: m.GraphiQLPanel })));

/**
 * API explorer (/explorer) for third parties: GraphiQL against the API, sending the signed-in user's token,
 * and the schema file to download. The schema is the committed schema/schema.graphql, bundled as an asset
 * when the client is built, so the file offered is the one of the API version this client ships with.
 */
export function ExplorerPage() {
  const { t } = useI18n();
  const session = useAuth().state.session;
  return (
    <Flex vertical gap="middle" style={{ minHeight: 0 }}>
      <PageHeader
        title={t("explorer.title")}
        subtitle={t("explorer.subtitle")}
        extra={
          <Typography.Link href={schemaUrl} download="schema.graphql">
            <DownloadOutlined aria-hidden /> {t("explorer.schema")}
          </Typography.Link>
        }
      />
      <Alert
        type={session ? "info" : "warning"}
        showIcon
        title={session ? t("explorer.as", { username: session.user.username }) : t("explorer.anonymous")}
        description={t("explorer.hint")}
      />
      <Card styles={{ body: { padding: 0 } }} style={{ overflow: "hidden" }}>
        <Suspense fallback={<Loading />}>
          <GraphiQLPanel />
        </Suspense>
      </Card>
    </Flex>
  );
}
