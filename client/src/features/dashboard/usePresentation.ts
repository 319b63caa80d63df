import { useCallback, useEffect, useRef } from "react";

/**
 * Full-screen presentation for meeting-room monitors: the page covers the app's chrome (`present`), and the
 * browser goes full screen when it allows it (it needs a click; a monitor opened at `?present=1` gets the
 * covering page only). Leaving the browser's full screen, or Escape, ends it.
 */
export function usePresentation(present: boolean, setPresent: (present: boolean) => void) {
  const usedFullscreen = useRef(false);

  const enter = useCallback(() => {
    setPresent(true);
    const root = document.documentElement;
    if (!document.fullscreenElement && typeof root.requestFullscreen === "function") {
      root.requestFullscreen().then(
        () => {
          usedFullscreen.current = true;
        },
        () => undefined, // refused (no permission, an iframe): the covering page is enough
      );
    }
  }, [setPresent]);

  const exit = useCallback(() => {
    setPresent(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  }, [setPresent]);

  useEffect(() => {
    const onChange = () => {
      if (!document.fullscreenElement && usedFullscreen.current) {
        usedFullscreen.current = false;
        setPresent(false);
      }
    };
    document.addEventListener("fullscreenchange", onChange);
    return () => document.removeEventListener("fullscreenchange", onChange);
  }, [setPresent]);

  useEffect(() => {
    if (!present) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && !document.fullscreenElement) exit();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [present, exit]);

  return { enter, exit };
}
