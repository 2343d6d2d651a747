import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { User, UserManager } from 'oidc-client-ts'
import { rolesOf, setTokenSource, type Role } from './session'

export interface Auth {
  user: User | null
  roles: Role[]
  ready: boolean
  login: (returnTo?: string) => Promise<void>
  logout: () => Promise<void>
}

const AuthContext = createContext<Auth | null>(null)

export function AuthProvider({ manager, children }: { manager: UserManager; children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null)
  const [ready, setReady] = useState(false)

  useEffect(() => {
    let live = true
    manager.getUser().then((stored) => {
      if (!live) return
      setUser(stored && !stored.expired ? stored : null)
      setReady(true)
    })
    const loaded = (u: User) => setUser(u)
    const gone = () => setUser(null)
    manager.events.addUserLoaded(loaded)
    manager.events.addUserUnloaded(gone)
    manager.events.addSilentRenewError(gone)
    return () => {
      live = false
      manager.events.removeUserLoaded(loaded)
      manager.events.removeUserUnloaded(gone)
      manager.events.removeSilentRenewError(gone)
    }
  }, [manager])

  // Set during render, not in an effect: children's queries start in their own effects, which run first.
  setTokenSource(() => user?.access_token)

  const value = useMemo<Auth>(() => ({
    user,
    roles: rolesOf(user),
    ready,
    login: (returnTo) => manager.signinRedirect({ state: { returnTo: returnTo ?? window.location.pathname } }),
    logout: () => manager.signoutRedirect({ id_token_hint: user?.id_token }),
  }), [manager, user, ready])

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth outside AuthProvider')
  return auth
}

/** For tests and stories: a fixed signed-in (or signed-out) user. */
export function StaticAuth({ value, children }: { value: Auth; children: ReactNode }) {
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
