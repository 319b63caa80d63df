import { App } from "antd";
import { useCallback, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { useI18n } from "../i18n/context";
import type { AuthStore } from "./auth-store";
import { sessionEndNotice } from "./auth-view";
import { AuthContext, type Auth } from "./context";
import type { Session } from "./session";
import { SignInModal } from "./SignInModal";

/**
 * The session for React, and the sign-in form. The form opens on request (header, overview, a failed query)
 * and by itself when a session ends without the user signing out (expired or refused token).
 */
export function AuthProvider({ store, children }: { store: AuthStore; children: ReactNode }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [requested, setRequested] = useState(false);
  const open = requested || state.ended !== null;

  const openSignIn = useCallback(() => setRequested(true), []);
  const close = useCallback(() => {
    setRequested(false);
    store.dismissNotice();
  }, [store]);

  const signedIn = useCallback(
    async (session: Session) => {
      await store.signIn(session);
      setRequested(false);
      void message.success(t("auth.welcome", { name: session.user.displayName }));
    },
    [store, message, t],
  );

  const signOut = useCallback(async () => {
    await store.end("signedOut");
    void message.info(t("auth.signedOut"));
  }, [store, message, t]);

  const value = useMemo<Auth>(() => ({ state, openSignIn, signOut }), [state, openSignIn, signOut]);
  return (
    <AuthContext.Provider value={value}>
      {children}
      <SignInModal open={open} notice={sessionEndNotice(state.ended)} onClose={close} onSignedIn={signedIn} />
    </AuthContext.Provider>
  );
}
