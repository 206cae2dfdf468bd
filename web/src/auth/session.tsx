import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { answer, api, onSessionExpired, setCsrf, type Answer } from '../api/client';
import type { Offices, Response, SessionUser } from '../api/types';

type SignedIn = Response<'/api/v1/session', 'post'>;

interface Session {
  /** undefined while loading, null when nobody is signed in. */
  readonly user: SessionUser | null | undefined;
  readonly offices: Offices | undefined;
  /** Set when the server ended the session (expiry), to tell the clerk why they must sign in again. */
  readonly expired: boolean;
  signIn(username: string, password: string): Promise<Answer<SignedIn>>;
  /** The first sign-in of an account awaiting setup: its setup code and a password of the person's own. */
  completeSetup(username: string, setupCode: string, newPassword: string): Promise<Answer<SignedIn>>;
  signOut(): Promise<void>;
  passwordChanged(): void;
}

const Context = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [offices, setOffices] = useState<Offices>();
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    void answer(api.GET('/api/v1/offices')).then((result) => result.ok && setOffices(result.data));
    void answer(api.GET('/api/v1/session')).then((result) => {
      if (result.ok) {
        setCsrf({ header: result.data.csrfHeader, token: result.data.csrfToken });
        setUser(result.data.user);
      } else {
        setUser(null);
      }
    });
    return onSessionExpired(() => {
      setCsrf(undefined);
      setUser((current) => {
        if (current) setExpired(true);
        return null;
      });
    });
  }, []);

  const signedIn = useCallback((result: Answer<SignedIn>) => {
    if (result.ok) {
      setCsrf({ header: result.data.csrfHeader, token: result.data.csrfToken });
      setUser(result.data.user);
      setExpired(false);
    }
    return result;
  }, []);
  const signIn = useCallback(async (username: string, password: string) => signedIn(await answer(api.POST('/api/v1/session', { body: { username, password } }))), [signedIn]);
  const completeSetup = useCallback(
    async (username: string, setupCode: string, newPassword: string) => signedIn(await answer(api.POST('/api/v1/session/setup', { body: { username, setupCode, newPassword } }))),
    [signedIn],
  );

  const signOut = useCallback(async () => {
    await answer(api.DELETE('/api/v1/session'));
    setCsrf(undefined);
    setUser(null);
  }, []);

  const passwordChanged = useCallback(() => setUser((current) => (current ? { ...current, mustChangePassword: false } : current)), []);

  const value = useMemo(() => ({ user, offices, expired, signIn, completeSetup, signOut, passwordChanged }), [user, offices, expired, signIn, completeSetup, signOut, passwordChanged]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): Session {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
