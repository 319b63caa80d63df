import { Badge, Tooltip } from "antd";
import type { CSSProperties } from "react";
import { useLiveStatus } from "../apollo/live-hooks";
import type { LiveStatus } from "../apollo/live";
import { useI18n } from "../i18n/context";

const BADGE: Record<LiveStatus, "success" | "processing" | "warning" | "error"> = {
  live: "success",
  connecting: "processing",
  reconnecting: "warning",
  offline: "error",
};

interface BadgeProps {
  /** `dark` for the header's dark background. */
  tone?: "light" | "dark";
  /** The coloured dot only (phones); the words stay in the tooltip and for screen readers. */
  compact?: boolean;
}

/**
 * Trực tiếp / Đang kết nối lại…: the worst status of the live subscriptions on the page; nothing when the page
 * has none.
 */
export function LiveIndicator(props: BadgeProps) {
  const status = useLiveStatus();
  return <LiveBadge status={status} {...props} />;
}

export function LiveBadge({
  status,
  tone = "light",
  compact = false,
}: BadgeProps & { status: LiveStatus | null }) {
  const { t } = useI18n();
  if (!status) return null;
  const style: CSSProperties = {
    whiteSpace: "nowrap",
    ...(tone === "dark" ? { color: "rgba(255,255,255,0.85)" } : {}),
  };
  return (
    <Tooltip title={t(`live.${status}.hint`)}>
      {/* role=status: screen readers hear "reconnecting" and "live" again without moving focus. */}
      <span
        role="status"
        aria-live="polite"
        aria-label={compact ? t(`live.${status}`) : undefined}
        data-testid="live-status"
        data-status={status}
        tabIndex={0}
      >
        <Badge
          status={BADGE[status]}
          text={compact ? undefined : <span style={style}>{t(`live.${status}`)}</span>}
        />
      </span>
    </Tooltip>
  );
}
