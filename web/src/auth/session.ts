import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts'
import type { AppConfig } from '@/lib/config'

export type Role = 'patient' | 'doctor' | 'admin'

let manager: UserManager | undefined

/**
 * Authorization code + PKCE on the public client. Tokens live in sessionStorage (gone with the tab, never
 * localStorage); renewal uses the refresh token before the access token expires.
 */
export function createUserManager(cfg: AppConfig): UserManager {
  const origin = window.location.origin
  manager = new UserManager({
    authority: `${cfg.keycloakUrl}/realms/${cfg.realm}`,
    client_id: cfg.clientId,
    redirect_uri: `${origin}/auth/callback`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  })
  return manager
}

export function userManager(): UserManager {
  if (!manager) throw new Error('login is not set up yet')
  return manager
}

let tokenSource: () => string | undefined = () => undefined

/** The API client asks here for the current access token (tests plug in their own). */
export function setTokenSource(source: () => string | undefined) {
  tokenSource = source
}

export function accessToken(): string | undefined {
  return tokenSource()
}

export function rolesOf(user: User | null | undefined): Role[] {
  if (!user?.access_token) return []
  try {
    const payload = JSON.parse(atob(user.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))
    const roles: string[] = payload?.realm_access?.roles ?? []
    return roles.filter((r): r is Role => r === 'patient' || r === 'doctor' || r === 'admin')
  } catch {
    return []
  }
}
