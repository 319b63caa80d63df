import "antd/dist/reset.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApolloClient } from "./apollo/client";
import { AppShell } from "./app/AppShell";
import { Providers } from "./app/Providers";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <Providers client={createApolloClient()}>
      <AppShell />
    </Providers>
  </StrictMode>,
);
