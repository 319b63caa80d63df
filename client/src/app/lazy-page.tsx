import { lazy, Suspense, type ComponentType } from "react";
import { Loading } from "../shared/Loading";

/**
 * A page loaded when first opened (its own chunk), with the loading state meanwhile: keeps the first load to
 * the shell and the overview.
 */
export function lazyPage(load: () => Promise<ComponentType>): ComponentType {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage() {
    return (
      <Suspense fallback={<Loading />}>
        <Page />
      </Suspense>
    );
  };
}
