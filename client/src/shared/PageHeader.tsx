import { Flex, Typography } from "antd";
import type { ReactNode } from "react";

/** A page's title, a line under it, and its controls (year, unit, export), wrapping on narrow screens. */
export function PageHeader({
  title,
  subtitle,
  extra,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Flex wrap gap="middle" align="end" justify="space-between">
      <div style={{ minWidth: 0 }}>
        <Typography.Title level={2} style={{ marginBottom: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra && (
        <Flex wrap gap="small" align="center">
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
