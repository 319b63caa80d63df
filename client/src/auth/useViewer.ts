import { useQuery } from "@apollo/client/react";
import { VIEWER_QUERY } from "./auth.query";
import { useAuth } from "./context";

/**
 * The signed-in user as the server sees them (skipped when anonymous). The header and the overview ask
 * together, and Apollo answers both from one request. A refused token here ends the session (apollo/client.ts).
 */
export function useViewer() {
  const { state } = useAuth();
  return useQuery(VIEWER_QUERY, { skip: !state.session });
}
