import "@testing-library/jest-dom";

// jsdom lacks the layout APIs Ant Design's responsive components call; they only need to exist.
if (typeof window !== "undefined") {
  if (!window.matchMedia) {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  // jsdom implements getComputedStyle for elements, not pseudo-elements (Ant Design measures scrollbars so).
  const computedStyle = window.getComputedStyle.bind(window);
  window.getComputedStyle = (element: Element) => computedStyle(element);
  if (typeof MessageChannel === "undefined") {
    // jsdom has none; Ant Design's motion utilities post to one to run after the browser paints.
    type Port = { onmessage: ((event: { data: unknown }) => void) | null; postMessage(data: unknown): void };
    const port = (other: () => Port): Port => ({
      onmessage: null,
      postMessage: (data) => void setTimeout(() => other().onmessage?.({ data }), 0),
    });
    class TimeoutMessageChannel {
      readonly port1: Port = port(() => this.port2);
      readonly port2: Port = port(() => this.port1);
    }
    Object.assign(globalThis, { MessageChannel: TimeoutMessageChannel });
  }
  if (!("ResizeObserver" in window)) {
    class NoResizeObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    Object.assign(window, { ResizeObserver: NoResizeObserver });
  }
}
