import "antd/dist/reset.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApolloClient } from "./apollo/client";
import { AppShell } from "./app/AppShell";
import { Providers } from "./app/Providers";
import { createAuthStore, followOtherTabs } from "./auth/auth-store";
import { browserStorage } from "./auth/session";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

// The session (token in localStorage) first: the Apollo links read the token from it on every request.
const auth = createAuthStore(browserStorage());
followOtherTabs(auth, window);
const client = createApolloClient(auth);

createRoot(root).render(
  <StrictMode>
    <Providers client={client} auth={auth}>
      <AppShell />
    </Providers>
  </StrictMode>,
);
