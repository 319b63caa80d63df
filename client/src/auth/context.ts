import { createContext, useContext } from "react";
import type { AuthState } from "./auth-store";

export interface Auth {
  state: AuthState;
  /** Opens the sign-in form. */
  openSignIn: () => void;
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error("useAuth must be used inside <AuthProvider>");
  return auth;
}
