import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { answer, api, onSessionExpired, setCsrf, type Answer } from '../api/client';
import type { Offices, Permission, Policy, Response, SessionUser } from '../api/types';
import { cityFacts } from '../i18n/city-facts';
import { useI18n } from '../i18n/i18n';

type SignedIn = Response<'/api/v1/session', 'post'>;

interface Session {
  /** undefined while loading, null when nobody is signed in. */
  readonly user: SessionUser | null | undefined;
  /** What the signed-in staff member may do, as the server names it: the app offers nothing else. */
  readonly permissions: readonly Permission[];
  readonly offices: Offices | undefined;
  /** The city's policy as the rules apply it: the values the app's checks and texts use. */
  readonly policy: Policy | undefined;
  /** Set when the server ended the session (expiry), to tell the clerk why they must sign in again. */
  readonly expired: boolean;
  /** `municipality`: the account's, where the address serves several (municipality-choice.tsx); else the address's. */
  signIn(username: string, password: string, municipality?: string): Promise<Answer<SignedIn>>;
  /** The first sign-in of an account awaiting setup: its setup code and a password of the person's own. */
  completeSetup(username: string, setupCode: string, newPassword: string, municipality?: string): Promise<Answer<SignedIn>>;
  signOut(): Promise<void>;
  passwordChanged(): void;
}

const Context = createContext<Session | null>(null);

const NONE: readonly Permission[] = [];

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [permissions, setPermissions] = useState<readonly Permission[]>(NONE);
  const [offices, setOffices] = useState<Offices>();
  const [policy, setPolicy] = useState<Policy>();
  const [expired, setExpired] = useState(false);
  const { lang, setFacts } = useI18n();

  /** The counters and policy of the session's municipality (the address's before sign-in): read again when a sign-in or sign-out changes it. */
  const loadFacts = useCallback(() => {
    void answer(api.GET('/api/v1/offices')).then((result) => result.ok && setOffices(result.data));
    void answer(api.GET('/api/v1/policy')).then((result) => result.ok && setPolicy(result.data));
  }, []);

  useEffect(() => {
    loadFacts();
    void answer(api.GET('/api/v1/session')).then((result) => {
      if (result.ok) {
        setCsrf({ header: result.data.csrfHeader, token: result.data.csrfToken });
        setUser(result.data.user);
        setPermissions(result.data.permissions);
      } else {
        setUser(null);
      }
    });
    return onSessionExpired(() => {
      setCsrf(undefined);
      setPermissions(NONE);
      setUser((current) => {
        if (current) setExpired(true);
        return null;
      });
    });
  }, [loadFacts]);

  useEffect(() => setFacts(cityFacts(offices, policy, lang)), [offices, policy, lang, setFacts]);

  const signedIn = useCallback(
    (result: Answer<SignedIn>, municipality: string | undefined) => {
      if (result.ok) {
        setCsrf({ header: result.data.csrfHeader, token: result.data.csrfToken });
        setUser(result.data.user);
        setPermissions(result.data.permissions);
        setExpired(false);
        if (municipality !== undefined) loadFacts();
      }
      return result;
    },
    [loadFacts],
  );
  const signIn = useCallback(
    async (username: string, password: string, municipality?: string) => signedIn(await answer(api.POST('/api/v1/session', { body: { username, password, municipality } })), municipality),
    [signedIn],
  );
  const completeSetup = useCallback(
    async (username: string, setupCode: string, newPassword: string, municipality?: string) =>
      signedIn(await answer(api.POST('/api/v1/session/setup', { body: { username, setupCode, newPassword, municipality } })), municipality),
    [signedIn],
  );

  const signOut = useCallback(async () => {
    await answer(api.DELETE('/api/v1/session'));
    setCsrf(undefined);
    setUser(null);
    setPermissions(NONE);
    // A session of another town than the address's showed that town's counters: show the address's again.
    loadFacts();
  }, [loadFacts]);

  const passwordChanged = useCallback(() => setUser((current) => (current ? { ...current, mustChangePassword: false } : current)), []);

  const value = useMemo(
    () => ({ user, permissions, offices, policy, expired, signIn, completeSetup, signOut, passwordChanged }),
    [user, permissions, offices, policy, expired, signIn, completeSetup, signOut, passwordChanged],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): Session {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
