import { Button, Result } from "antd";
import { Component, lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { useI18n } from "../i18n/context";
import { Loading } from "../shared/Loading";

/**
 * A page loaded when first opened (its own chunk), with the loading state meanwhile: keeps the first load to
 * the shell and the overview. A chunk that cannot be fetched (offline, or a new version deployed meanwhile) or
 * a page that fails to render shows a sentence and a reload button, never a blank screen or a stack.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <PageErrorBoundary>
        <Suspense fallback={<Loading />}>
          <Page />
        </Suspense>
      </PageErrorBoundary>
    );
  };
}

class PageErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageFailed /> : this.props.children;
  }
}

function PageFailed() {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={t("error.page.title")}
      subTitle={t("error.page.text")}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("error.page.reload")}
        </Button>
      }
    />
  );
}
