import { createContext, useContext } from 'react';

export interface SessionContextValue {
  /** Drop every cached result and open connection (after sign-in or sign-out). */
  resetSession: () => void;
}

export const SessionContext = createContext<SessionContextValue>({ resetSession: () => {} });

export function useSession(): SessionContextValue {
  return useContext(SessionContext);
}
