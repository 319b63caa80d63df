import { useState, type CSSProperties } from "react";
import { useI18n } from "../i18n/context";

const hidden: CSSProperties = {
  position: "absolute",
  left: -10000,
  top: "auto",
  width: 1,
  height: 1,
  overflow: "hidden",
};

const shown: CSSProperties = {
  position: "fixed",
  left: 8,
  top: 8,
  zIndex: 2000,
  padding: "8px 12px",
  background: "#fff",
  color: "#1677ff",
  borderRadius: 6,
  boxShadow: "0 2px 8px rgba(0,0,0,0.25)",
};

/**
 * The first stop of the Tab key: "skip to the main content", seen only when focused, so keyboard users need
 * not walk through the header and the menu on every page.
 */
export function SkipLink({ target }: { target: string }) {
  const { t } = useI18n();
  const [focused, setFocused] = useState(false);
  return (
    <a
      href={`#${target}`}
      style={focused ? shown : hidden}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(event) => {
        event.preventDefault();
        document.getElementById(target)?.focus();
      }}
    >
      {t("nav.skipToContent")}
    </a>
  );
}
