import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigateTo } from "../app/navigation";

/**
 * A link to a page of the app: a real `<a href>` (keyboard, middle click, "open in new tab" all work) that
 * a plain click turns into in-app navigation.
 */
export function AppLink({ to, onClick, ...rest }: { to: string } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const click = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    navigateTo(to);
  };
  return <a href={to} onClick={click} {...rest} />;
}
