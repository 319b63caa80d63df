import { ApartmentOutlined, DashboardOutlined } from "@ant-design/icons";
import type { ComponentType, ReactNode } from "react";
import { UnitsPage } from "../features/org-units/UnitsPage";
import { OverviewPage } from "../features/overview/OverviewPage";
import type { MessageKey } from "../i18n/translate";
import type { PageKey } from "./navigation";

export interface PageEntry {
  key: PageKey;
  label: MessageKey;
  icon: ReactNode;
  Component: ComponentType;
}

/** The side menu, in display order. */
export const PAGES: readonly PageEntry[] = [
  { key: "overview", label: "nav.overview", icon: <DashboardOutlined />, Component: OverviewPage },
  { key: "units", label: "nav.units", icon: <ApartmentOutlined />, Component: UnitsPage },
];
