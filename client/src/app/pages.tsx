import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FundProjectionScreenOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import type { ComponentType, ReactNode } from "react";
import { OverviewPage } from "../features/overview/OverviewPage";
import type { MessageKey } from "../i18n/translate";
import { lazyPage } from "./lazy-page";
import type { PageKey } from "./navigation";
import type { PageAudience } from "./page-access";

export interface PageEntry {
  key: PageKey;
  label: MessageKey;
  icon: ReactNode;
  Component: ComponentType;
  /** Who the menu shows it to; everyone when absent. */
  audience?: PageAudience;
}

// Pages loaded when first opened: each its own chunk (exceljs and GraphiQL load later still, on use).
// The dashboard's chunk carries the charting library (recharts).
const DashboardPage = lazyPage(() =>
  import("../features/dashboard/DashboardPage").then((m) => m.DashboardPage),
);
const InboxPage = lazyPage(() => import("../features/inbox/InboxPage").then((m) => m.InboxPage));
const UnitsPage = lazyPage(() => import("../features/org-units/UnitsPage").then((m) => m.UnitsPage));
const MyWorkPage = lazyPage(() => import("../features/my-work/MyWorkPage").then((m) => m.MyWorkPage));
const NtmPage = lazyPage(() => import("../features/ntm/NtmPage").then((m) => m.NtmPage));
const DelegationsPage = lazyPage(() =>
  import("../features/delegations/DelegationsPage").then((m) => m.DelegationsPage),
);
const EvaluationsPage = lazyPage(() =>
  import("../features/evaluations/EvaluationsPage").then((m) => m.EvaluationsPage),
);
const ExplorerPage = lazyPage(() => import("../features/explorer/ExplorerPage").then((m) => m.ExplorerPage));

/** The side menu, in display order. */
export const PAGES: readonly PageEntry[] = [
  { key: "overview", label: "nav.overview", icon: <DashboardOutlined />, Component: OverviewPage },
  {
    key: "dashboard",
    label: "nav.dashboard",
    icon: <FundProjectionScreenOutlined />,
    Component: DashboardPage,
    audience: "signedIn",
  },
  {
    key: "inbox",
    label: "nav.inbox",
    icon: <AuditOutlined />,
    Component: InboxPage,
    audience: ["COMMITTEE"],
  },
  { key: "units", label: "nav.units", icon: <ApartmentOutlined />, Component: UnitsPage },
  {
    key: "myWork",
    label: "nav.myWork",
    icon: <SolutionOutlined />,
    Component: MyWorkPage,
    audience: ["MEMBER"],
  },
  { key: "ntm", label: "nav.ntm", icon: <EnvironmentOutlined />, Component: NtmPage },
  {
    key: "delegations",
    label: "nav.delegations",
    icon: <TeamOutlined />,
    Component: DelegationsPage,
    audience: "signedIn",
  },
  {
    key: "evaluations",
    label: "nav.evaluations",
    icon: <TrophyOutlined />,
    Component: EvaluationsPage,
    audience: ["COMMITTEE", "ADMIN"],
  },
  { key: "explorer", label: "nav.explorer", icon: <ApiOutlined />, Component: ExplorerPage },
];
