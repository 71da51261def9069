/**
 * Who is signed in, for the whole app: asked once from `/auth/me` at start, replaced by sign-in and
 * sign-out. The session itself lives on the server (an httpOnly cookie); the browser keeps only the
 * user's public details and the CSRF token that the API client sends back.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Role } from '../shared/roles.ts';
import { ApiError, api, onSessionLost, setCsrfToken } from './api.ts';

/** Where the sign-in page is: the shell links to it and sends visitors of staff pages there. */
export const loginPath = '/login';

/** Where one sets up two-step verification: the only staff page open until a required one is set up. */
export const enrolmentPath = '/staff/account';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  totpEnabled: boolean;
}

export interface SessionAnswer {
  user: SessionUser;
  csrfToken: string;
  totpEnrolmentRequired: boolean;
}

export interface Credentials {
  email: string;
  password: string;
  totp?: string;
}

export interface Session {
  /** `loading` until the server has said whether this browser is signed in. */
  status: 'loading' | 'ready';
  user: SessionUser | null;
  /**
   * The user's role requires two-step verification and they have not set it up: until they do, the
   * server answers nothing but the enrolment (403 `totp_enrolment_required`).
   */
  totpEnrolmentRequired: boolean;
  /** Throws the server's ApiError (wrong password, TOTP required, rate limited). */
  signIn(credentials: Credentials): Promise<SessionAnswer>;
  signOut(): Promise<void>;
  /** Asks the server again (after a change to the user's own account). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Session['status']>('loading');
  const [user, setUser] = useState<SessionUser | null>(null);
  const [totpEnrolmentRequired, setTotpEnrolmentRequired] = useState(false);

  const accept = useCallback((answer: SessionAnswer | null) => {
    setCsrfToken(answer?.csrfToken ?? null);
    setUser(answer?.user ?? null);
    setTotpEnrolmentRequired(answer?.totpEnrolmentRequired ?? false);
    setStatus('ready');
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api<SessionAnswer>('/auth/me'));
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      accept(null);
    }
  }, [accept]);

  useEffect(() => {
    refresh().catch(() => accept(null));
    // A staff page whose session ended meanwhile then sends its user to sign in again.
    onSessionLost(() => accept(null));
  }, [refresh, accept]);

  const session = useMemo<Session>(
    () => ({
      status,
      user,
      totpEnrolmentRequired,
      refresh,
      async signIn(credentials) {
        const answer = await api<SessionAnswer>('/auth/login', { method: 'POST', body: credentials });
        accept(answer);
        return answer;
      },
      async signOut() {
        try {
          await api('/auth/logout', { method: 'POST' });
        } finally {
          accept(null);
        }
      },
    }),
    [status, user, totpEnrolmentRequired, refresh, accept],
  );

  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside SessionProvider');
  return session;
}
